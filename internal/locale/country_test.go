package locale

import "testing"

func TestCountries(t *testing.T) {
	list := Countries()
	if len(list) != 249 {
		t.Errorf("got %d countries, want 249", len(list))
	}
	for _, c := range list {
		if c.Name == "" || c.Name == c.Code || !IsCountry(c.Code) {
			t.Errorf("bad country %+v", c)
		}
	}
	for code, want := range map[string]bool{"DE": true, "US": true, "GB": true, "AX": true, "de": false, "UK": false, "EU": false, "XK": false, "ZZ": false, "": false, "USA": false} {
		if got := IsCountry(code); got != want {
			t.Errorf("IsCountry(%q) = %v", code, got)
		}
	}
	if list[0].Code != "AD" || list[0].Name != "Andorra" {
		t.Errorf("first country = %+v", list[0])
	}
}
