;; A beefy build VM for large packages: 16 cores and 16 GiB, on a server OS.
(use-modules (gnu))
(use-service-modules networking ssh virtualization)

(define %gib 1024)

(operating-system
  (host-name "bigiron")
  (timezone "Etc/UTC")
  (bootloader (bootloader-configuration
               (bootloader grub-efi-bootloader)
               (targets '("/boot/efi"))))
  (file-systems (append (list (file-system
                                (device (file-system-label "bigiron"))
                                (mount-point "/")
                                (type "ext4"))
                              (file-system
                                (device (file-system-label "EFI"))
                                (mount-point "/boot/efi")
                                (type "vfat")))
                        %base-file-systems))
  (services (cons* (service dhcpcd-service-type)
                   (service openssh-service-type)
                   (service virtual-build-machine-service-type
                            (virtual-build-machine
                             (name 'big)
                             (cpu-count 16)
                             (memory-size (* 16 %gib))))
                   %base-services)))
