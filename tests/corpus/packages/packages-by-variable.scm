;; A developer workstation's packages named by their variables from several package modules.
(use-modules (gnu))
(use-package-modules admin emacs version-control vim curl rsync compression)

(operating-system
  (host-name "hacker")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "hacker"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (packages (append (list emacs git vim htop curl rsync zstd)
                    %base-packages))
  (services %base-services))
