package agents

import (
	"strings"

	"entgo.io/ent/dialect/sql"

	"github.com/switchboard/switchboard/ent/agent"
	"github.com/switchboard/switchboard/ent/predicate"
)

// SearchPredicate matches agents whose first name, last name, full name,
// email or username contain every whitespace-separated term, ignoring case.
func SearchPredicate(search string) predicate.Agent {
	terms := strings.Fields(strings.ToLower(search))
	if len(terms) == 0 {
		return func(*sql.Selector) {}
	}
	return func(s *sql.Selector) {
		for _, term := range terms {
			s.Where(sql.Or(
				sql.ContainsFold(s.C(agent.FieldFirstName), term),
				sql.ContainsFold(s.C(agent.FieldLastName), term),
				sql.ContainsFold(s.C(agent.FieldEmail), term),
				sql.ContainsFold(s.C(agent.FieldUsername), term),
			))
		}
	}
}
