;; A virtualisation host: libvirt with virtlog, users in the libvirt group, QEMU binfmt for ARM.
(use-modules (gnu))
(use-service-modules networking virtualization)

(operating-system
  (host-name "hyper")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "hyper"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (users (cons (user-account
                (name "admin")
                (group "users")
                (supplementary-groups '("wheel" "libvirt" "kvm")))
               %base-user-accounts))
  (services
   (cons* (service dhcpcd-service-type)
          (service libvirt-service-type
                   (libvirt-configuration
                    (unix-sock-group "libvirt")
                    (tls-port "16555")))
          (service virtlog-service-type)
          (service qemu-binfmt-service-type
                   (qemu-binfmt-configuration
                    (platforms (lookup-qemu-platforms "arm" "aarch64"))))
          %base-services)))
