package locale

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// countryCodes is ISO 3166-1 alpha-2 as published in the tz database's
// iso3166.tab (249 codes). x/text knows more regions (EU, XK, QO...) that
// are not countries, so the codes are listed here and only names come
// from CLDR.
const countryCodes = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW"

// Country is an ISO 3166-1 country with its English name.
type Country struct {
	Code string // ISO 3166-1 alpha-2, upper case, e.g. "DE"
	Name string // English name, e.g. "Germany"
}

var (
	countries  []Country
	countrySet = map[string]bool{}
)

func init() {
	names := display.English.Regions()
	for _, code := range strings.Fields(countryCodes) {
		countries = append(countries, Country{Code: code, Name: names.Name(language.MustParseRegion(code))})
		countrySet[code] = true
	}
}

// Countries returns every ISO 3166-1 country in code order. The slice is a
// copy; callers may modify it.
func Countries() []Country {
	return append([]Country(nil), countries...)
}

// IsCountry reports whether code is an assigned ISO 3166-1 alpha-2 code in
// upper case ("DE", not "de"; RingEX and the API both send upper case).
func IsCountry(code string) bool {
	return countrySet[code]
}
