package locale_test

import (
	"fmt"
	"time"

	"github.com/switchboard/switchboard/internal/locale"
)

func ExampleMapTimezone() {
	now := time.Date(2025, time.July, 1, 12, 0, 0, 0, time.UTC)
	// A RingEX regionalSettings.timezone: name and bias (standard UTC offset, minutes).
	fmt.Println(locale.MapTimezone("US/Pacific", "-480", "Europe/Berlin", now))
	fmt.Println(locale.MapTimezone("Pacific Standard Time", "-480", "Europe/Berlin", now))
	fmt.Println(locale.MapTimezone("Nowhere/Special", "", "Europe/Berlin", now))
	// Output:
	// America/Los_Angeles EXACT
	// America/Los_Angeles NEAREST
	// Europe/Berlin ACCOUNT_DEFAULT
}

func ExampleMatchLanguage() {
	// RingEX regionalSettings.language.localeCode values.
	for _, code := range []string{"fr-CA", "es-419", "zh-HK", "ru-RU"} {
		fmt.Println(locale.MatchLanguage(code, "en-US"))
	}
	// Output:
	// fr-CA EXACT
	// es-MX NEAREST
	// zh-TW NEAREST
	// en-US ACCOUNT_DEFAULT
}
