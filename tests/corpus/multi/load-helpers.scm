;; A configuration split in two files: helpers come from support/parts/helpers.scm with `load'.
(use-modules (gnu))
(use-service-modules networking)

(load "support/parts/helpers.scm")

(operating-system
  (host-name "loaded")
  (timezone "Etc/UTC")
  (bootloader (grub-on "/dev/sda"))
  (file-systems (cons (labelled-root "loaded") %base-file-systems))
  (services (cons (service dhcpcd-service-type) %base-services)))
