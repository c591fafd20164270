-- In step with SQLite's 0047, which rebuilds its search index to stem words. SQL Server's full-text index already
-- keeps every word's inflections (LANGUAGE 2057); the queries now ask for them with FORMSOF(INFLECTIONAL, ...)
-- instead of prefix terms (the SQL Server dialect's match text), so nothing in the schema changes.
SELECT 1;
