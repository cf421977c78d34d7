; The Windows installer (NSIS 3, built by scripts/windows-installer.sh with makensis on Linux):
; per user, no administrator rights; the program in %LOCALAPPDATA%\Programs\BachThongTTDN; the
; user's data and backups stay in %LOCALAPPDATA%\BachThongTTDN, which neither an upgrade nor the
; uninstaller touches. Silent for IT staff: setup.exe /S (uninstall: uninstall.exe /S).
; Defines passed by the script: VERSION, VERSION4 (a.b.c.d), BUNDLE, ROOT, NOTICES, SIZE_KB,
; OUTFILE (build-time paths with /, as makensis reads them on Linux).
; A 64-bit installer: the program is 64-bit only (Qt 6), and Windows 10/11 PCs are 64-bit.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST  ; the Windows run's second, "newer" installer for the upgrade test: quick to make
  SetCompressor zlib
!else
  SetCompressor /SOLID lzma
!endif

!include "MUI2.nsh"

!define APPKEY "BachThongTTDN"
!define PRODUCT "Báo cáo công tác thông tin đối ngoại"
!define SHORTCUT "Báo cáo thông tin đối ngoại"
!define PUBLISHER "Ủy ban nhân dân (phần mềm tự do, GPL-3.0-or-later)"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPKEY}"

Name "${PRODUCT}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APPKEY}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${PRODUCT} ${VERSION}"

VIProductVersion "${VERSION4}"
VIAddVersionKey /LANG=1066 "ProductName" "${PRODUCT}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt ${PRODUCT}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${ROOT}/resources/icons/app.ico"
!define MUI_UNICON "${ROOT}/resources/icons/app.ico"
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\bachthong-desktop.exe"
!define MUI_FINISHPAGE_RUN_TEXT "Mở chương trình ngay"
!define MUI_LICENSEPAGE_TEXT_TOP "Chương trình là phần mềm tự do theo Giấy phép Công cộng GNU (GPL) phiên bản 3 hoặc mới hơn."
!define MUI_UNCONFIRMPAGE_TEXT_TOP "Chỉ gỡ chương trình. Dữ liệu và các bản sao lưu của anh/chị vẫn giữ nguyên trong thư mục $LOCALAPPDATA\${APPKEY}."

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_LICENSE "${ROOT}/LICENSE"
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"

Section "Chương trình" Main
  SetShellVarContext current
  SetOutPath "$INSTDIR"
  ; An upgrade: the earlier version's program files go first (nothing of the user's is here).
  RMDir /r "$INSTDIR\_internal"
  File /r "${BUNDLE}/*"
  File "${ROOT}/LICENSE"
  File "/oname=THIRD-PARTY-NOTICES.txt" "${NOTICES}"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  CreateShortcut "$SMPROGRAMS\${SHORTCUT}.lnk" "$INSTDIR\bachthong-desktop.exe" "" "$INSTDIR\bachthong-desktop.exe" 0
  CreateShortcut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\bachthong-desktop.exe" "" "$INSTDIR\bachthong-desktop.exe" 0

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${PRODUCT}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\bachthong-desktop.exe"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" ${SIZE_KB}
SectionEnd

Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${SHORTCUT}.lnk"
  Delete "$DESKTOP\${SHORTCUT}.lnk"
  ; Only the program's own folder: the data folder ($LOCALAPPDATA\${APPKEY}) stays.
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\bachthong-desktop.exe"
  Delete "$INSTDIR\bachthong.exe"
  Delete "$INSTDIR\LICENSE"
  Delete "$INSTDIR\THIRD-PARTY-NOTICES.txt"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
