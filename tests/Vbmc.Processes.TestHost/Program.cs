using Vbmc.Processes;

// Runs `sh -c 'sleep 300 & echo $!; wait'` with vbmc's runner and prints the pid of the sleep (a
// grandchild of this program), so that a test can signal this program or let it end, and check
// that the grandchild ended with it.
//   run    the child runs (ProgramRunner.Run) until this program is signalled
//   start  the child is started (ProgramRunner.Start) and never stopped; this program then returns
var mode = args.Length == 1 ? args[0] : "";
using var printed = new ManualResetEventSlim();
var request = new ProgramRequest("sh", ["-c", "sleep 300 & echo $!; wait"], TimeSpan.FromMinutes(10))
{
    OnLine = line =>
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
        printed.Set();
    },
};
switch (mode)
{
    case "run":
        ProgramRunner.Run(request);
        return 0;
    case "start":
        _ = ProgramRunner.Start(request);
        printed.Wait(TimeSpan.FromMinutes(1));
        return 0;
    default:
        Console.Error.WriteLine("usage: Vbmc.Processes.TestHost run|start");
        return 2;
}
