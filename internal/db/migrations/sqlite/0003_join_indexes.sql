-- ent creates the M2M join tables with a primary key that starts with the
-- team or category id; loading an agents page looks them up by agent id.
CREATE INDEX team_members_agent_id ON team_members (agent_id);
CREATE INDEX team_leaders_agent_id ON team_leaders (agent_id);
CREATE INDEX category_agents_agent_id ON category_agents (agent_id);
