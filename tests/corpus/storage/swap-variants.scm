;; Swap on a labelled partition and on a swap file, with priorities.
(use-modules (gnu))

(operating-system
  (host-name "swapper")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/sda"))))
  (file-systems (cons (file-system
                        (device (file-system-label "swapper"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (swap-devices (list (swap-space
                       (target (file-system-label "swap"))
                       (priority 10))
                      (swap-space
                       (target "/swapfile")
                       (priority 1)
                       (discard? #t))))
  (services %base-services))
