;;; build-vm.scm: the default virtual build machine, on a whole Guix System host.
;;;
;;; This is the first example of the Guix manual's "Virtual Build Machines" section, completed
;;; into an operating system that can be checked on its own:
;;;
;;;   vbmc check examples/build-vm.scm
;;;
;;; With no settings the build VM is called 'build-vm', boots an image of a minimal system, has
;;; 4 CPUs and 2 GiB of memory, and starts with its clock at 2020-01-01 00:00:00 UTC on the CPU
;;; model of that date (Skylake-Client).  Its SSH port is forwarded to 127.0.0.1:11022 and it is
;;; registered with guix-daemon as an offload target.  It does not start at boot: run
;;; 'herd start build-vm' (or the systemd unit vbmc makes) when you need it.
(use-modules (gnu) (gnu services virtualization))

(operating-system
  (host-name "builder")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  ;; The build VM is one more service on top of the usual base services.
  (services (append (list (service virtual-build-machine-service-type))
                    %base-services)))
