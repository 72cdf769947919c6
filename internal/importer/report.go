package importer

import (
	"bytes"
	"context"
	"encoding/csv"
	"strconv"
	"time"

	"github.com/switchboard/switchboard/ent"
	"github.com/switchboard/switchboard/ent/importresult"
)

// ResultsCSV renders a job's results for download: a header, then one row
// per selected user in the order they were selected.
func (s *Service) ResultsCSV(ctx context.Context, job *ent.ImportJob) (string, error) {
	results, err := s.client(ctx).ImportResult.Query().Where(importresult.JobID(job.ID)).
		Order(ent.Asc(importresult.FieldID)).All(ctx)
	if err != nil {
		return "", err
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	_ = w.Write([]string{"ringex_id", "name", "email", "username", "outcome", "code", "message", "agent_id", "timezone", "language"})
	for _, r := range results {
		agentID := ""
		if r.AgentID != nil {
			agentID = strconv.Itoa(*r.AgentID)
		}
		_ = w.Write([]string{strconv.FormatInt(r.RingexID, 10), r.Name, r.Email, r.Username,
			string(r.Outcome), r.Code, r.Message, agentID, r.Timezone, r.Language})
	}
	w.Flush()
	return b.String(), w.Error()
}

// Watch sends the job each time its progress changes, starting with its
// current state, and closes the channel once the job has finished or ctx
// ends. It polls the job row, so it follows a job worked by any server
// instance sharing the database.
func (s *Service) Watch(ctx context.Context, jobID int) (<-chan *ent.ImportJob, error) {
	job, err := s.Job(ctx, jobID)
	if err != nil {
		return nil, err
	}
	ch := make(chan *ent.ImportJob, 1)
	go func() {
		defer close(ch)
		t := time.NewTicker(s.pollInterval())
		defer t.Stop()
		var last *ent.ImportJob
		for {
			if last == nil || changed(last, job) {
				select {
				case ch <- job:
				case <-ctx.Done():
					return
				}
				last = job
			}
			if finished(job.Status) {
				return
			}
			select {
			case <-ctx.Done():
				return
			case <-t.C:
			}
			next, err := s.Client.ImportJob.Get(ctx, jobID)
			if err != nil {
				if ctx.Err() == nil {
					s.logger().Warn("import progress: reading job", "job", jobID, "err", err)
				}
				continue
			}
			job = next
		}
	}()
	return ch, nil
}

func changed(a, b *ent.ImportJob) bool {
	return a.Status != b.Status || a.Processed != b.Processed || a.ImportedCount != b.ImportedCount ||
		a.AlreadyImportedCount != b.AlreadyImportedCount || a.FailedCount != b.FailedCount ||
		a.CancelRequested != b.CancelRequested || a.Total != b.Total
}
