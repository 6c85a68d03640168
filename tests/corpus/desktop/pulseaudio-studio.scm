;; A home recording machine: PulseAudio with a tuned daemon configuration and ALSA routed to it.
(use-modules (gnu))
(use-service-modules desktop sound xorg)

(operating-system
  (host-name "studio")
  (timezone "America/Los_Angeles")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "studio"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "mix")
                (group "users")
                (supplementary-groups '("audio" "video")))
               %base-user-accounts))
  (services (cons* (service xfce-desktop-service-type)
                   (modify-services %desktop-services
                     (pulseaudio-service-type config =>
                                              (pulseaudio-configuration
                                               (inherit config)
                                               (daemon-conf
                                                '((default-sample-rate . 48000)
                                                  (default-fragments . 2)
                                                  (default-fragment-size-msec . 5)))))
                     (alsa-service-type config =>
                                        (alsa-configuration
                                         (inherit config)
                                         (pulseaudio? #t)))))))
