;; guix-differential: guix-rejects
;; A system using a third-party channel's module with no -L: Guix cannot find the module.
;; vbmc warns once per module and checks the rest (default), or rejects it (--strict-modules,
;; which the differential harness passes, so that vbmc sees the modules Guix sees).
(use-modules (gnu) (acme packages firmware))

(operating-system
  (host-name "no-channel")
  (timezone "Etc/UTC")
  (firmware (list acme-firmware))
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "root"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (services %base-services))
