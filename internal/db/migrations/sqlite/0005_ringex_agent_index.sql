-- ring_ex_users.agent_id was indexed twice (the agent edge's unique key and a
-- schema index); every import paid for both on each linked mirror row.
DROP INDEX IF EXISTS `ringexuser_agent_id`;
