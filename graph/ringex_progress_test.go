package graph_test

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"

	"github.com/switchboard/switchboard/internal/directory"
	"github.com/switchboard/switchboard/internal/ringex/sandbox"
	"github.com/switchboard/switchboard/internal/testdb"
)

// wsSub is a minimal graphql-transport-ws client: one subscription per
// connection, authenticated by the client's session cookie like the console.
type wsSub struct {
	t    *testing.T
	conn *websocket.Conn
	ctx  context.Context
}

type wsMsg struct {
	Type    string          `json:"type"`
	ID      string          `json:"id,omitempty"`
	Payload json.RawMessage `json:"payload,omitempty"`
}

func (c *gqlClient) subscribe(t *testing.T, query string, vars map[string]any) *wsSub {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	url := "ws" + strings.TrimPrefix(c.e.URL, "http") + "/graphql"
	conn, _, err := websocket.Dial(ctx, url, &websocket.DialOptions{
		HTTPClient: c.http, Subprotocols: []string{"graphql-transport-ws"}})
	if err != nil {
		t.Fatalf("dial %s: %v", url, err)
	}
	t.Cleanup(func() { conn.CloseNow() })
	s := &wsSub{t: t, conn: conn, ctx: ctx}
	s.send(wsMsg{Type: "connection_init"})
	if m := s.next(); m.Type != "connection_ack" {
		t.Fatalf("got %s, want connection_ack: %s", m.Type, m.Payload)
	}
	payload, _ := json.Marshal(map[string]any{"query": query, "variables": vars})
	s.send(wsMsg{Type: "subscribe", ID: "1", Payload: payload})
	return s
}

func (s *wsSub) send(m wsMsg) {
	b, _ := json.Marshal(m)
	if err := s.conn.Write(s.ctx, websocket.MessageText, b); err != nil {
		s.t.Fatalf("ws write: %v", err)
	}
}

// next reads the next message other than pings and pongs.
func (s *wsSub) next() wsMsg {
	for {
		_, b, err := s.conn.Read(s.ctx)
		if err != nil {
			s.t.Fatalf("ws read: %v", err)
		}
		var m wsMsg
		if err := json.Unmarshal(b, &m); err != nil {
			s.t.Fatalf("ws message %s: %v", b, err)
		}
		if m.Type == "ping" {
			s.send(wsMsg{Type: "pong"})
			continue
		}
		if m.Type != "pong" {
			return m
		}
	}
}

// all collects the pushed data until "complete", or returns the payload of
// the first error.
func (s *wsSub) all() (data []json.RawMessage, errPayload json.RawMessage) {
	for {
		m := s.next()
		switch m.Type {
		case "next":
			var p struct {
				Data   json.RawMessage
				Errors []gqlError
			}
			if err := json.Unmarshal(m.Payload, &p); err != nil || len(p.Errors) > 0 {
				return data, m.Payload
			}
			data = append(data, p.Data)
		case "error":
			return data, m.Payload
		case "complete":
			return data, nil
		default:
			s.t.Fatalf("unexpected %s: %s", m.Type, m.Payload)
		}
	}
}

const progressSub = `subscription($a:ID!){ ringExSyncProgress(accountId:$a){
	linked lastSyncStatus lastSyncAt userCount lastSyncError } }`

type progressEvent struct {
	RingExSyncProgress linkStatus
}

func progressEvents(t *testing.T, data []json.RawMessage) []linkStatus {
	t.Helper()
	var out []linkStatus
	for _, d := range data {
		var ev progressEvent
		if err := json.Unmarshal(d, &ev); err != nil {
			t.Fatal(err)
		}
		out = append(out, ev.RingExSyncProgress)
	}
	return out
}

// ringExSyncProgress over WebSocket: a running sync is pushed as RUNNING,
// then its result, and the subscription completes; an idle account gets its
// status and completes; outsiders get NOT_FOUND.
func TestRingExSyncProgress(t *testing.T) {
	testdb.ForEach(t, func(t *testing.T, d testdb.Dialect) {
		r := newRingExEnv(t, d, 200)
		r.App.Directory.Progress = directory.WatchOptions{Interval: 50 * time.Millisecond, Grace: 2 * time.Second}
		r.link(t)
		admin := r.admin(t)
		vars := map[string]any{"a": r.accountID}

		// Idle: one push of the current status, then complete.
		data, errp := admin.subscribe(t, progressSub, vars).all()
		if errp != nil {
			t.Fatalf("idle: %s", errp)
		}
		if evs := progressEvents(t, data); len(evs) != 1 || evs[0].LastSyncStatus != "SUCCEEDED" || !evs[0].Linked {
			t.Fatalf("idle account: %+v", evs)
		}

		// A slow sync (each RingEX call takes 300 ms), subscribed right after
		// requesting it, before a worker has picked it up.
		r.sb.SetFaults(sandbox.Faults{Latency: 300 * time.Millisecond})
		before := time.Now()
		admin.mustDo(t, `mutation($a:ID!){ syncRingExDirectory(accountId:$a){ id } }`, vars, nil)
		data, errp = admin.subscribe(t, progressSub, vars).all()
		if errp != nil {
			t.Fatalf("sync: %s", errp)
		}
		evs := progressEvents(t, data)
		sawRunning := false
		for _, ev := range evs {
			sawRunning = sawRunning || ev.LastSyncStatus == "RUNNING"
		}
		last := evs[len(evs)-1]
		if !sawRunning || last.LastSyncStatus != "SUCCEEDED" || last.LastSyncAt == nil || !last.LastSyncAt.After(before) {
			t.Fatalf("sync progress: %+v", evs)
		}
		if last.UserCount != len(directoryUsers(r.sb)) {
			t.Errorf("final user count %d, want %d", last.UserCount, len(directoryUsers(r.sb)))
		}
		for i := 1; i < len(data); i++ {
			if string(data[i]) == string(data[i-1]) {
				t.Errorf("pushed an unchanged status: %s", data[i])
			}
		}

		// Another account's user learns nothing about this one.
		other := r.createAccount(t, r.unique("Other"))
		outsider := r.createUser(t, "outsider@test.local", other, "Manager")
		_, errp = outsider.subscribe(t, progressSub, vars).all()
		if !strings.Contains(string(errp), "NOT_FOUND") {
			t.Fatalf("outsider: %s", errp)
		}
	})
}
