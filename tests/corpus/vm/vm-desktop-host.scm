;; A developer's desktop that also runs a 2018 build VM for time-travel builds.
(use-modules (gnu) (srfi srfi-19))
(use-service-modules desktop virtualization xorg)

(operating-system
  (host-name "devbox")
  (timezone "Europe/Paris")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "devbox"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "dev")
                (group "users")
                (supplementary-groups '("wheel" "kvm" "audio" "video")))
               %base-user-accounts))
  (services (cons* (service gnome-desktop-service-type)
                   (service virtual-build-machine-service-type
                            (virtual-build-machine
                             (name 'y2018)
                             (date (make-date 0 0 0 0 1 3 2018 0))
                             (memory-size 4096)))
                   %desktop-services)))
