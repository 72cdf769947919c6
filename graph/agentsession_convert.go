package graph

import (
	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/internal/agentsession"
)

// Conversions between the agent-session GraphQL types and
// internal/agentsession, kept out of the generated resolver file.

func startInput(in StartAgentSessionInput) agentsession.StartInput {
	val := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	out := agentsession.StartInput{
		Username: val(in.Username), Password: val(in.Password),
		RingExToken: val(in.RingExToken), Client: val(in.Client),
		TakeOver: in.TakeOver != nil && *in.TakeOver,
	}
	if in.AccountID != nil {
		out.AccountID = *in.AccountID
	}
	return out
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
