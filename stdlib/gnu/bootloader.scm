;;; (gnu bootloader): bootloaders (opaque: vbmc boots its guests itself) and the bootloader
;;; configuration of an operating system, with Guix's fields and defaults.

(define-module (gnu bootloader)
  #:export (<bootloader>
            bootloader
            bootloader?
            bootloader-name
            bootloader-package
            bootloader-installer
            bootloader-disk-image-installer
            bootloader-configuration-file
            bootloader-configuration-file-generator

            <menu-entry>
            menu-entry
            menu-entry?
            menu-entry-label
            menu-entry-device
            menu-entry-linux
            menu-entry-linux-arguments
            menu-entry-initrd

            <bootloader-configuration>
            bootloader-configuration
            bootloader-configuration?
            bootloader-configuration-bootloader
            bootloader-configuration-targets
            bootloader-configuration-target
            bootloader-configuration-menu-entries
            bootloader-configuration-default-entry
            bootloader-configuration-timeout
            bootloader-configuration-theme
            bootloader-configuration-terminal-outputs
            bootloader-configuration-terminal-inputs
            bootloader-configuration-serial-unit
            bootloader-configuration-serial-speed
            bootloader-configuration-keyboard-layout
            bootloader-configuration-extra-initrd
            bootloader-configuration-device-tree-support?
            bootloader-configuration-use-libre-kernel?))

(define-record-type* <bootloader>
  bootloader make-bootloader
  bootloader?
  (name                            bootloader-name (type symbol))
  (package                         bootloader-package (default #f) (type (maybe package)))
  (installer                       bootloader-installer (default #f))
  (disk-image-installer            bootloader-disk-image-installer (default #f))
  (configuration-file              bootloader-configuration-file (default "/boot/grub/grub.cfg") (type string))
  (configuration-file-generator    bootloader-configuration-file-generator (default #f)))

(define-record-type* <menu-entry>
  menu-entry make-menu-entry
  menu-entry?
  (label           menu-entry-label (type string))
  (device          menu-entry-device (default #f))
  (device-mount-point menu-entry-device-mount-point (default #f))
  (linux           menu-entry-linux (default #f))
  (linux-arguments menu-entry-linux-arguments (default '()) (type list))
  (initrd          menu-entry-initrd (default #f))
  (multiboot-kernel menu-entry-multiboot-kernel (default #f))
  (multiboot-arguments menu-entry-multiboot-arguments (default '()) (type list))
  (multiboot-modules menu-entry-multiboot-modules (default '()) (type list))
  (chain-loader    menu-entry-chain-loader (default #f)))

(define-record-type* <bootloader-configuration>
  bootloader-configuration make-bootloader-configuration
  bootloader-configuration?
  (bootloader          bootloader-configuration-bootloader
                       (type <bootloader>))
  (targets             bootloader-configuration-targets
                       (default #f)
                       (type (maybe (list-of string))))
  ;; Deprecated upstream in favour of 'targets'.
  (target              %bootloader-configuration-target
                       (default #f)
                       (type (maybe string))
                       (deprecated "the 'target' field is deprecated, please use 'targets' instead"))
  (menu-entries        bootloader-configuration-menu-entries
                       (default '())
                       (type (list-of <menu-entry>)))
  (default-entry       bootloader-configuration-default-entry
                       (default 0)
                       (type natural))
  (timeout             bootloader-configuration-timeout
                       (default 5)
                       (type natural))
  (theme               bootloader-configuration-theme
                       (default #f))
  (terminal-outputs    bootloader-configuration-terminal-outputs
                       (default '(console))
                       (type (list-of symbol)))
  (terminal-inputs     bootloader-configuration-terminal-inputs
                       (default '())
                       (type (list-of symbol)))
  (serial-unit         bootloader-configuration-serial-unit
                       (default #f)
                       (type (maybe natural)))
  (serial-speed        bootloader-configuration-serial-speed
                       (default #f)
                       (type (maybe positive)))
  (keyboard-layout     bootloader-configuration-keyboard-layout
                       (default #f))
  (extra-initrd        bootloader-configuration-extra-initrd
                       (default #f)
                       (type (maybe string)))
  (device-tree-support? bootloader-configuration-device-tree-support?
                       (default #t)
                       (type boolean))
  (use-libre-kernel?   bootloader-configuration-use-libre-kernel?
                       (default #f)
                       (type boolean)))

(define (bootloader-configuration-target config)
  (or (%bootloader-configuration-target config)
      (let ((targets (bootloader-configuration-targets config)))
        (and (pair? targets) (car targets)))))
