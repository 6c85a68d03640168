;; Packages named by strings, with `specification->package' and `specifications->packages'.
(use-modules (gnu))

(define %tools
  '("tmux" "ripgrep" "fd" "jq" "strace"))

(operating-system
  (host-name "specs")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "specs"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (packages (append (map specification->package %tools)
                    (specifications->packages '("python" "gcc-toolchain"))
                    %base-packages))
  (services %base-services))
