namespace PatientLeaders.Community.Web.Infrastructure.ScaleOut;

public static class ScaleOutSql
{
    public const string SelectKeys = "SELECT Xml FROM DataProtectionKeys ORDER BY Id";

    public const string InsertKey = "INSERT INTO DataProtectionKeys (FriendlyName, Xml, CreatedAt) VALUES (@FriendlyName, @Xml, @CreatedAt)";
}
