namespace Vbmc.Emitters.Shell;

/// <summary>
/// The fixed parts of run-NAME.sh: shell code that is the same for every VM (no data in it).
/// The VM's values are written around these by <see cref="LaunchScriptEmitter"/>, quoted.
/// </summary>
internal static class LaunchScriptRuntime
{
    /// <summary>Helpers. They set variables instead of printing, because $(...) drops trailing newlines.</summary>
    public const string Helpers = """
        say() {
          printf '%s: %s\n' "$me" "$1" >&2
        }

        usage_error() {
          say "$1"
          usage >&2
          exit 2
        }

        # Sets $abs to $1 as an absolute path: QEMU reads a relative 'a:b' as protocol 'a'.
        absolute() {
          case $1 in
            /*) abs=$1 ;;
            *) abs=$PWD/$1 ;;
          esac
        }

        # Sets $escaped to $1 with every ',' doubled, as QEMU's option syntax (-drive file=) needs.
        double_commas() {
          rest=$1
          escaped=
          while :; do
            case $rest in
              *,*)
                escaped=$escaped${rest%%,*},,
                rest=${rest#*,}
                ;;
              *) break ;;
            esac
          done
          escaped=$escaped$rest
        }
        """;

    /// <summary>Reads the options into variables; what is left in "$@" is for QEMU.</summary>
    public const string Options = """
        accel=auto
        check_accel=
        secrets=default
        secrets_file=
        store_disk=default
        store_disk_file=
        pidfile=default
        pidfile_path=
        console=default
        console_path=
        serial_log=
        print=

        while [ "$#" -gt 0 ]; do
          case $1 in
            --accel|--check-accel|--secrets|--store-disk|--pidfile|--console-socket|--serial-log)
              [ "$#" -ge 2 ] || usage_error "option $1 needs a value"
              option=$1
              value=$2
              shift 2
              ;;
            --accel=*|--check-accel=*|--secrets=*|--store-disk=*|--pidfile=*|--console-socket=*|--serial-log=*)
              option=${1%%=*}
              value=${1#*=}
              shift
              ;;
            --no-secrets) secrets=none; shift; continue ;;
            --no-store-disk) store_disk=none; shift; continue ;;
            --no-pidfile) pidfile=none; shift; continue ;;
            --no-console-socket) console=none; shift; continue ;;
            --print-command) print=${print:-lines}; shift; continue ;;
            --print0) print=nul; shift; continue ;;
            -h|--help) usage; exit 0 ;;
            --) shift; break ;;
            -*) usage_error "unknown option: $1" ;;
            *) usage_error "unexpected argument: $1 (QEMU arguments go after --)" ;;
          esac
          case $option in
            --accel) accel=$value ;;
            --check-accel) check_accel=$value ;;
            --secrets)
              [ -n "$value" ] || usage_error "option --secrets needs a file name"
              secrets=chosen
              secrets_file=$value
              ;;
            --store-disk)
              [ -n "$value" ] || usage_error "option --store-disk needs a file name"
              store_disk=chosen
              store_disk_file=$value
              ;;
            --pidfile)
              [ -n "$value" ] || usage_error "option --pidfile needs a file name"
              pidfile=chosen
              pidfile_path=$value
              ;;
            --console-socket)
              [ -n "$value" ] || usage_error "option --console-socket needs a file name"
              console=chosen
              console_path=$value
              ;;
            --serial-log)
              [ -n "$value" ] || usage_error "option --serial-log needs a file name"
              serial_log=$value
              ;;
          esac
        done

        case $accel in
          auto|kvm|tcg) ;;
          *) usage_error "--accel must be auto, kvm or tcg, not '$accel'" ;;
        esac
        case $check_accel in
          ''|kvm|tcg) ;;
          *) usage_error "--check-accel must be kvm or tcg, not '$check_accel'" ;;
        esac
        """;

    /// <summary>
    /// The script's own folder, absolute, with a trailing '/': the image, kernel and initrd are
    /// beside the script, in the compile folder as once installed. Not with dirname and a bare
    /// $(...): those drop a folder name's trailing newlines; the '.' guards them.
    /// </summary>
    public const string ScriptFolder = """
        case $0 in
          */*) here=${0%/*} ;;
          *) here=. ;;
        esac
        here=$(CDPATH='' cd -P -- "${here:-/}" && pwd -P && echo .) || {
          say "cannot find the folder of $0"
          exit 2
        }
        here=${here%??}
        case $here in
          */) ;;
          *) here=$here/ ;;
        esac
        """;

    /// <summary>
    /// probe ACCEL: boots <see cref="KvmProbeGuest"/> under ACCEL; status 0 when it ran to its end
    /// in time, else 1 with $why saying what happened. Needs $qemu.
    /// </summary>
    public static string Probe => $$"""
        probe() {
          if [ "$1" = kvm ]; then
            if [ ! -c /dev/kvm ]; then
              why='/dev/kvm does not exist'
              return 1
            fi
            if [ ! -r /dev/kvm ] || [ ! -w /dev/kvm ]; then
              why='/dev/kvm is not readable and writable by this user'
              return 1
            fi
          fi
          absolute "${TMPDIR:-/tmp}"
          sector=$(mktemp "$abs/vbmc-probe.XXXXXX") || {
            why="cannot create a temporary file in $abs"
            return 1
          }
          printf {{ShellQuoting.Quote(KvmProbeGuest.PrintfFormat())}} '' >"$sector"
          double_commas "$sector"
          status=0
          timeout -k 2 {{KvmProbeGuest.TimeoutSeconds}} "$qemu" -accel "$1" -machine pc -nodefaults -no-user-config \
            -display none -device isa-debug-exit,iobase=0xf4,iosize=0x04 \
            -drive "file=$escaped,format=raw,if=ide" >/dev/null 2>&1 || status=$?
          rm -f "$sector"
          case $status in
            {{KvmProbeGuest.SuccessStatus}}) return 0 ;;
            126|127) why="cannot run $qemu" ;;
            124|137) why="the probe guest did not finish within {{KvmProbeGuest.TimeoutSeconds}} s under $1 (it takes about 1 s under tcg)" ;;
            *) why="QEMU stopped with status $status running the probe guest under $1" ;;
          esac
          return 1
        }
        """;

    /// <summary>
    /// Moves the QEMU arguments given after -- (the first $extra of "$@") behind vbmc's, which
    /// were appended after them: POSIX sh has no array but "$@".
    /// </summary>
    public const string RotateExtraArguments = """
        while [ "$extra" -gt 0 ]; do
          set -- "$@" "$1"
          shift
          extra=$((extra - 1))
        done
        """;

    public const string PrintOrRun = """
        case $print in
          lines)
            printf '%s\n' "$@"
            exit 0
            ;;
          nul)
            printf '%s\000' "$@"
            exit 0
            ;;
        esac
        """;

    /// <summary>
    /// QEMU creates its pid file 0600 but keeps the mode of one that exists. guix offload reads
    /// it to tell whether the VM runs, and on hosts such as Debian it runs as the unprivileged
    /// guix-daemon account: the script makes the file readable first. Appending (never
    /// truncating) keeps the pid of a QEMU that already runs with this file, which then refuses
    /// to start a second time.
    /// </summary>
    public const string ReadablePidFile = """
        if [ "$pidfile" != none ]; then
          (umask 022 && : >>"$pidfile_path") 2>/dev/null || :
          chmod 0644 "$pidfile_path" 2>/dev/null || :
        fi
        """;
}
