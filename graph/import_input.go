package graph

import (
	"github.com/switchboard/switchboard/ent/ringexuser"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/errs"
	"github.com/switchboard/switchboard/internal/importer"
)

// importInput translates ImportAgentsInput. "All matching" takes the
// directory's own predicate, so an import selects exactly what the picker
// lists for the same search and filter.
func (r *Resolver) importInput(in ImportAgentsInput) (importer.Input, error) {
	out := importer.Input{AccountID: in.AccountID, RoleID: in.RoleID, TeamIDs: in.TeamIds, CategoryIDs: in.CategoryIds}
	sel := in.Selection
	if sel == nil {
		return out, errs.Invalid("selection", "select at least one RingEX user")
	}
	out.Selection = importer.Selection{IDs: sel.Ids, ExcludeIDs: sel.ExcludeIds}
	if m := sel.AllMatching; m != nil {
		search := deref(m.Search, "")
		out.Selection.AllMatching = &importer.Matching{
			Search: search,
			Filter: filterRecord(m.Filter),
			Where:  ringexuser.And(directory.MatchPredicate(in.AccountID, search, m.Filter)...),
		}
	}
	return out, nil
}

// filterRecord keeps the filter on the job, for history and audit.
func filterRecord(f *directory.Filter) map[string]any {
	if f == nil {
		return nil
	}
	out := map[string]any{"includeRemoved": f.IncludeRemoved}
	if f.Imported != nil {
		out["imported"] = *f.Imported
	}
	if len(f.Statuses) > 0 {
		out["statuses"] = f.Statuses
	}
	return out
}

func previewOut(pv *importer.Preview) *ImportPreview {
	out := &ImportPreview{Total: pv.Total, ToImport: pv.ToImport, AlreadyImported: pv.AlreadyImported,
		Failing: pv.Failing, Items: make([]*ImportPreviewItem, len(pv.Items))}
	for i, it := range pv.Items {
		out.Items[i] = &ImportPreviewItem{
			User: it.User, Username: it.Username,
			Timezone: optional(it.Timezone), TimezoneMatch: MappingMatch(it.TimezoneMatch),
			Language: optional(it.Language), LanguageMatch: MappingMatch(it.LanguageMatch),
			Outcome: ImportPlanOutcome(it.Outcome), Code: optional(it.Code), Reason: optional(it.Reason),
			ExistingAgent: it.Existing,
		}
	}
	return out
}

func optional(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref[T any](p *T, def T) T {
	if p == nil {
		return def
	}
	return *p
}
