;; expect: ok
;; A lightweight desktop: window managers from package specifications, GDM swapped for SLiM by
;; deleting it from %desktop-services, and the daemon allowed more parallel jobs.
(use-modules (gnu) (srfi srfi-1))
(use-service-modules desktop xorg)

(define %window-manager-packages
  (map specification->package
       '("i3-wm" "i3status" "dmenu" "ratpoison" "xterm" "st")))

(operating-system
  (host-name "tortue")
  (timezone "Europe/Brussels")
  (locale "nl_BE.utf8")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "root"))
                                (mount-point "/")
                                (type "btrfs"))
                              (file-system
                                (device (uuid "4E1A-09F2" 'fat))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "jef")
                (group "users")
                (supplementary-groups '("wheel" "netdev" "audio" "video")))
               %base-user-accounts))
  (packages (append %window-manager-packages %base-packages))
  (services (cons (service slim-service-type)
                  (modify-services %desktop-services
                    (delete gdm-service-type)
                    (guix-service-type config =>
                                       (guix-configuration
                                        (inherit config)
                                        (extra-options '("--max-jobs=2" "--cores=2"))))))))
