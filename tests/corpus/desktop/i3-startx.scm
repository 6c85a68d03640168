;; A minimal tiling desktop: no display manager, `startx' from the console with i3.
(use-modules (gnu))
(use-service-modules xorg)
(use-package-modules suckless wm xorg)

(operating-system
  (host-name "tiler")
  (timezone "Europe/Amsterdam")
  (bootloader (bootloader-configuration
               (bootloader grub-bootloader)
               (targets '("/dev/nvme0n1"))))
  (file-systems (cons (file-system
                        (device (file-system-label "tiler"))
                        (mount-point "/")
                        (type "ext4"))
                      %base-file-systems))
  (users (cons (user-account
                (name "bram")
                (group "users")
                (supplementary-groups '("wheel" "input" "video")))
               %base-user-accounts))
  (packages (append (list i3-wm i3status dmenu xterm)
                    %base-packages))
  (services (cons (service startx-command-service-type)
                  %base-services)))
