using System.CommandLine;
using Vbmc.Compile;
using Vbmc.Diagnostics;
using Vbmc.Evaluation;
using Vbmc.Image;

namespace Vbmc.Cli;

/// <summary>
/// `vbmc compile FILE -o DIR [--no-image] [--dry-run] [--quiet] [--format text|json|sarif|github] [--system SYSTEM]`:
/// lower a configuration and write its artifacts and manifest.json into DIR (see <see cref="CompileRunner"/>
/// and <see cref="FolderCommit"/> for how DIR is written). Standard output carries the diagnostics in
/// the chosen format and, for --dry-run in text format, the listing of what would be written (in
/// json/sarif/github format the listing goes to standard error, so that standard output stays one
/// document). Standard error carries progress and the summary line, which --quiet silences.
/// </summary>
public static class CompileCommand
{
    public static Command Create(CliEnvironment env, EvaluationSettings evaluation)
    {
        var file = new Argument<string>("FILE") { Description = "The configuration file to compile." };
        var output = new Option<string>("--output", "-o")
        {
            Description = "The output folder (created when missing). Files in it that vbmc did not write "
                          + "(not listed in its manifest.json) are never overwritten or deleted.",
            HelpName = "DIR",
            Required = true,
        };
        var noImage = new Option<bool>("--no-image")
        {
            Description = "Do not build the guest disk images, kernels and initrds (the other artifacts still name them).",
        };
        var dryRun = new Option<bool>("--dry-run")
        {
            Description = "Print what would be written (create, replace, unchanged, remove, with sizes) and write nothing.",
        };
        var quiet = new Option<bool>("--quiet") { Description = "Print nothing but diagnostics (and the --dry-run listing)." };
        var format = new Option<string>("--format")
        {
            Description = "Output format of the diagnostics (github: GitHub Actions workflow commands, which annotate the files).",
            DefaultValueFactory = _ => "text",
            HelpName = string.Join('|', DiagnosticWriter.FormatNames),
        };
        format.AcceptOnlyFromAmong(DiagnosticWriter.FormatNames);

        var command = new Command("compile",
            "Compile a configuration into a folder: launch scripts, systemd and Shepherd units, accounts, "
            + "offload machine files, guest images and manifest.json.")
        {
            file, output, noImage, dryRun, quiet, format,
        };
        foreach (var option in evaluation.All) command.Options.Add(option);
        command.SetAction(parse =>
        {
            var (options, problems) = evaluation.Read(parse);
            if (options is null)
            {
                DiagnosticWriter.WriteToError(problems, env);
                return ExitCodes.UsageOrIo;
            }
            return Run(new Invocation(
            parse.GetValue(file)!,
            parse.GetValue(output)!,
            options,
            !parse.GetValue(noImage),
            parse.GetValue(dryRun),
            parse.GetValue(quiet),
            Enum.Parse<OutputFormat>(parse.GetValue(format) ?? "text", ignoreCase: true)), env);
        });
        return command;
    }

    private sealed record Invocation(string File, string Output, EvaluationOptions Evaluation, bool Images, bool DryRun, bool Quiet, OutputFormat Format);

    private static int Run(Invocation call, CliEnvironment env)
    {
        if ((InputFiles.UnknownOption(call.File) ?? InputFiles.UnknownOption(call.Output) ?? InputFiles.Problem(call.File)) is { } problem)
        {
            DiagnosticWriter.Write([problem], call.Format, env, summary: false);
            return ExitCodes.UsageOrIo;
        }

        var result = CompileRunner.Run(new CompileRequest
        {
            SourcePath = call.File,
            OutputDirectory = call.Output,
            VbmcVersion = DiagnosticWriter.Version,
            Evaluation = call.Evaluation,
            BuildImages = call.Images,
            DryRun = call.DryRun,
            ImageSettings = new ImageBuildSettings
            {
                Quiet = call.Quiet,
                Progress = call.Quiet ? null : env.Error,
                ProgressIsTerminal = ReferenceEquals(env.Error, Console.Error) && !Console.IsErrorRedirected,
            },
        });

        var diagnostics = result.Diagnostics;
        DiagnosticWriter.Write(diagnostics, call.Format, env, summary: !call.Quiet && diagnostics.Count > 0);
        var exit = DiagnosticWriter.ExitCodeOf(diagnostics);
        if (exit != ExitCodes.Ok || result.Output.Plan is not { } plan) return exit;

        if (call.DryRun)
        {
            var listing = call.Format == OutputFormat.Text ? env.Out : env.Error;
            listing.Write(ChangeListing.Format(plan));
            listing.Flush();
        }
        if (!call.Quiet)
        {
            env.Error.WriteLine(call.DryRun
                ? $"would write {result.Output.FileCount} files to {call.Output} ({ChangeListing.Counts(plan)}); nothing was written"
                : $"wrote {result.Output.FileCount} files to {call.Output}");
            env.Error.Flush();
        }
        return exit;
    }
}
