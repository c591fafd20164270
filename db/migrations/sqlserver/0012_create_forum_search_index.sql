-- no-transaction
-- SQL Server refuses full-text DDL inside a user transaction, so the migration runner runs this file without one
-- (see MigrationScript.NoTransactionMarker). Every statement is guarded, so running it again is harmless.
-- Needs the Full-Text Search feature installed (it is in every edition, including Express with Advanced Services
-- and Azure SQL Database). Change tracking AUTO keeps the index in step with PostSearchText as rows change.
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = N'CommunityCatalog')
    CREATE FULLTEXT CATALOG CommunityCatalog;
GO
IF NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID(N'dbo.PostSearchText'))
    CREATE FULLTEXT INDEX ON dbo.PostSearchText (Title LANGUAGE 2057, Body LANGUAGE 2057)
        KEY INDEX PK_PostSearchText ON CommunityCatalog
        WITH CHANGE_TRACKING AUTO;
GO
