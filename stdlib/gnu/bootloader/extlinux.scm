;;; (gnu bootloader extlinux): the extlinux/syslinux bootloaders, as opaque values.

(define-module (gnu bootloader extlinux)
  #:use-module (gnu bootloader)
  #:export (extlinux-bootloader
            extlinux-bootloader-gpt))

(define extlinux-bootloader
  (bootloader (name 'extlinux) (package (specification->package "syslinux"))
              (configuration-file "/boot/extlinux/extlinux.conf")))

(define extlinux-bootloader-gpt
  (bootloader (inherit extlinux-bootloader) (name 'extlinux-gpt)))
