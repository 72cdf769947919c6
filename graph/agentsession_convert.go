package graph

import (
	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/agentsession"
)

// Conversions between the agent-session GraphQL types and
// internal/agentsession, kept out of the generated resolver file.

func startInput(in StartAgentSessionInput) agentsession.StartInput {
	return agentsession.StartInput{
		Username: deref(in.Username, ""), Password: deref(in.Password, ""),
		RingExToken: deref(in.RingExToken, ""), Client: deref(in.Client, ""),
		TakeOver: deref(in.TakeOver, false), AccountID: deref(in.AccountID, 0),
	}
}

func startedPayload(s *agentsession.Started, err error) (*AgentSessionPayload, error) {
	if err != nil {
		return nil, err
	}
	return &AgentSessionPayload{Session: s.Session, Token: &s.Token}, nil
}

func sessionPayload(s *ent.AgentSession, err error) (*AgentSessionPayload, error) {
	if err != nil {
		return nil, err
	}
	return &AgentSessionPayload{Session: s}, nil
}

// signOutPayload reports one agent; an agent who was not signed in still
// counts as done (signing out is idempotent).
func signOutPayload(agentID int, _ bool, err error) (*BulkPayload, error) {
	if err != nil {
		return nil, err
	}
	return &BulkPayload{Results: []*ItemResult{{ID: agentID, Ok: true}}, Succeeded: 1}, nil
}
