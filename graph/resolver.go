package graph

import (
	"github.com/99designs/gqlgen/graphql"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/agentsession"
	"github.com/switchboard/switchboard/internal/auth"
	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/importer"
)

// Resolver holds the domain services resolvers delegate to. Resolvers only
// translate between GraphQL and these packages.
type Resolver struct {
	Client    *ent.Client
	Auth      *auth.Service
	Directory *directory.Service
	Importer  *importer.Service
	// AgentSessions signs agents in to the agent interface.
	AgentSessions *agentsession.Service
}

// NewSchema builds the executable schema.
func NewSchema(r *Resolver) graphql.ExecutableSchema {
	return NewExecutableSchema(Config{Resolvers: r})
}
