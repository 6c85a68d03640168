;; Package outputs: git's send-email output by variable and by specification, glib's bin output.
(use-modules (gnu))
(use-package-modules glib version-control)

(operating-system
  (host-name "outputs")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "outputs"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (packages (cons* git
                   (list git "send-email")
                   (list glib "bin")
                   (specification->package+output "git-lfs")
                   %base-packages))
  (services %base-services))
