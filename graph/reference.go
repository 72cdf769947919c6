package graph

import (
	"time"

	"github.com/switchboard/switchboard/internal/locale"
	"github.com/switchboard/switchboard/internal/perm"
)

// Reference lists are defined once in internal/locale and internal/perm.

func languages() []*Language {
	ls := locale.Languages()
	out := make([]*Language, len(ls))
	for i, l := range ls {
		out[i] = &Language{Code: l.Code, Name: l.Name, NativeName: l.NativeName}
	}
	return out
}

func timezones() []*Timezone {
	tz := locale.Timezones(time.Now())
	out := make([]*Timezone, len(tz))
	for i, z := range tz {
		out[i] = &Timezone{Name: z.Name, Offset: z.Offset, OffsetMinutes: z.OffsetMinutes}
	}
	return out
}

func countries() []*Country {
	cs := locale.Countries()
	out := make([]*Country, len(cs))
	for i, c := range cs {
		out[i] = &Country{Code: c.Code, Name: c.Name}
	}
	return out
}

func permissionCatalogue() []*PermissionInfo {
	out := make([]*PermissionInfo, len(perm.Catalogue))
	for i, e := range perm.Catalogue {
		out[i] = &PermissionInfo{Permission: e.Permission, Description: e.Description}
	}
	return out
}
