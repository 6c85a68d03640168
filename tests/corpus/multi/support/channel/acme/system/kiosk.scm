;; A channel's system module: an operating-system other systems inherit from.
(define-module (acme system kiosk)
  #:use-module (gnu)
  #:use-module (acme packages firmware)
  #:export (%acme-kiosk-os))

(define %acme-kiosk-os
  (operating-system
    (host-name "acme-kiosk")
    (timezone "Etc/UTC")
    (firmware (list acme-firmware))
    (bootloader (bootloader-configuration
                 (bootloader grub-efi-bootloader)
                 (targets '("/boot/efi"))))
    (file-systems (cons* (file-system
                           (device (file-system-label "acme-root"))
                           (mount-point "/")
                           (type "ext4"))
                         (file-system
                           (device (file-system-label "EFI"))
                           (mount-point "/boot/efi")
                           (type "vfat"))
                         %base-file-systems))))
