namespace Vbmc.TestSupport;

/// <summary>
/// Validates JSON documents against a JSON schema with a real, independent validator: Python's
/// jsonschema (Debian package python3-jsonschema, installed by tests/run-all.sh), with format
/// checking on. Returns the validator's messages; an empty list means valid.
/// </summary>
public static class JsonSchemaValidator
{
    private const string Script = """
        import json, sys
        import jsonschema
        schema = json.load(open(sys.argv[1], encoding="utf-8"))
        instance = json.load(open(sys.argv[2], encoding="utf-8"))
        cls = jsonschema.validators.validator_for(schema)
        cls.check_schema(schema)
        validator = cls(schema, format_checker=jsonschema.FormatChecker())
        errors = sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path).__repr__())
        for e in errors:
            print("/".join(str(p) for p in e.absolute_path) + ": " + e.message)
        sys.exit(1 if errors else 0)
        """;

    /// <summary>Debian's python3 (where apt installs jsonschema) before any other on PATH.</summary>
    public static string Python =>
        File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : ProcessRunner.FindOnPath("python3") ?? throw new InvalidOperationException("python3 is not installed");

    public static IReadOnlyList<string> Validate(string schemaPath, string json)
    {
        var instance = Path.Combine(Path.GetTempPath(), $"vbmc-instance-{Guid.NewGuid():N}.json");
        File.WriteAllText(instance, json);
        try
        {
            var result = ProcessRunner.Run(Python, ["-c", Script, schemaPath, instance]);
            if (result.Stderr.Contains("No module named 'jsonschema'", StringComparison.Ordinal))
                throw new InvalidOperationException(
                    "python3-jsonschema is not installed: apt-get install -y python3-jsonschema (or run tests/run-all.sh)");
            if (result.ExitCode != 0 && result.Stdout.Length == 0)
                throw new InvalidOperationException("the schema validator failed: " + result.Stderr);
            return result.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        }
        finally
        {
            File.Delete(instance);
        }
    }
}
