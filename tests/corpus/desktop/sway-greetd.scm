;; A Wayland laptop: sway started from greetd's agreety, seatd for seat management, no X.
(use-modules (gnu))
(use-service-modules base desktop networking)
(use-package-modules wm)

(operating-system
  (host-name "swallow")
  (timezone "Europe/London")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "swallow"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "wren")
                (group "users")
                (supplementary-groups '("wheel" "seat" "video" "input")))
               %base-user-accounts))
  (packages (cons* sway %base-packages))
  (services (append (list (service seatd-service-type)
                          (service network-manager-service-type)
                          (service wpa-supplicant-service-type)
                          (service greetd-service-type
                                   (greetd-configuration
                                    (greeter-supplementary-groups '("video" "input"))
                                    ;; greetd replaces mingetty on every console.
                                    (terminals
                                     (map (lambda (vt)
                                            (greetd-terminal-configuration
                                             (terminal-vt (number->string vt))
                                             (terminal-switch (= vt 1))))
                                          (iota 6 1))))))
                    (modify-services %base-services
                      (delete login-service-type)
                      (delete mingetty-service-type)))))
