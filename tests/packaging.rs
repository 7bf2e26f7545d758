//! The Linux packaging agrees with itself and with the code: one application id everywhere
//! (window, .desktop file, AppStream, icons), every icon size rendered and the right size, the
//! window's icon really there, every file the .deb lists present, and one version throughout.
//! The validators themselves (desktop-file-validate, appstreamcli, lintian) run in `.ci/run`.

use std::path::{Path, PathBuf};

use frontdesk::APP_ID;

const SIZES: [u32; 9] = [16, 22, 24, 32, 48, 64, 128, 256, 512];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("read {rel}: {e}"))
}

/// Decodes a PNG file: (width, height, colour type, RGBA-or-other pixels).
fn png(path: &Path) -> (u32, u32, png::ColorType, Vec<u8>) {
    let file = std::fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut reader = png::Decoder::new(std::io::BufReader::new(file))
        .read_info()
        .expect("a PNG");
    let mut pixels = vec![0; reader.output_buffer_size().expect("size")];
    let info = reader.next_frame(&mut pixels).expect("a frame");
    pixels.truncate(info.buffer_size());
    (info.width, info.height, info.color_type, pixels)
}

/// The value of `key=` in the desktop file's `[Desktop Entry]` group.
fn desktop_key<'a>(desktop: &'a str, key: &str) -> Option<&'a str> {
    desktop
        .lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
}

#[test]
fn the_app_id_is_reverse_dns() {
    let parts: Vec<&str> = APP_ID.split('.').collect();
    assert!(parts.len() >= 3, "{APP_ID} has at least three parts");
    assert!(
        parts
            .iter()
            .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')),
        "{APP_ID} uses only letters, digits and _ between the dots"
    );
}

#[test]
fn the_desktop_file_names_the_app_id_and_the_binary() {
    let desktop = read(&format!("packaging/linux/{APP_ID}.desktop"));
    assert!(desktop.starts_with("[Desktop Entry]\n"));
    assert_eq!(desktop_key(&desktop, "Icon"), Some(APP_ID));
    assert_eq!(desktop_key(&desktop, "StartupWMClass"), Some(APP_ID));
    assert_eq!(desktop_key(&desktop, "Exec"), Some("frontdesk"));
    assert_eq!(desktop_key(&desktop, "Type"), Some("Application"));
    let categories = desktop_key(&desktop, "Categories").expect("Categories");
    for category in ["Office", "Calendar", "MedicalSoftware"] {
        assert!(categories.split(';').any(|c| c == category), "{category}");
    }
}

/// The desktop menu's queue board and kiosk (issue 17) start `frontdesk board` and `frontdesk
/// kiosk`, each in a window of its own (`APP_ID.Board`, `APP_ID.Kiosk`, set by their `run`), so
/// the desktop does not take them for the desk's window.
#[test]
fn the_board_and_kiosk_desktop_files_start_them_in_their_own_windows() {
    for (screen, command) in [("Board", "frontdesk board"), ("Kiosk", "frontdesk kiosk")] {
        let desktop = read(&format!("packaging/linux/{APP_ID}.{screen}.desktop"));
        assert!(desktop.starts_with("[Desktop Entry]\n"));
        assert_eq!(desktop_key(&desktop, "Exec"), Some(command));
        assert_eq!(desktop_key(&desktop, "Icon"), Some(APP_ID));
        let id = format!("{APP_ID}.{screen}");
        assert_eq!(desktop_key(&desktop, "StartupWMClass"), Some(id.as_str()));
        let cargo = read("Cargo.toml");
        assert!(
            cargo.contains(&format!(
                "\"packaging/linux/{APP_ID}.{screen}.desktop\", \"usr/share/applications/\""
            )),
            "the package installs {screen}"
        );
    }
}

#[test]
fn the_metainfo_names_the_app_id_version_and_real_screenshots() {
    let meta = read(&format!("packaging/linux/{APP_ID}.metainfo.xml"));
    for needle in [
        format!("<id>{APP_ID}</id>"),
        format!("<launchable type=\"desktop-id\">{APP_ID}.desktop</launchable>"),
        format!("<icon type=\"stock\">{APP_ID}</icon>"),
        "<binary>frontdesk</binary>".to_owned(),
        "<developer_name>".to_owned(),
        "<content_rating type=\"oars-1.1\"".to_owned(),
        format!("<release version=\"{}\"", env!("CARGO_PKG_VERSION")),
    ] {
        assert!(meta.contains(&needle), "the metainfo holds {needle}");
    }
    // Every screenshot is a file in assets/screenshots/ of the size the metainfo says.
    let mut shots = 0;
    for line in meta.lines().filter(|l| l.contains("<image ")) {
        let attr = |name: &str| -> u32 {
            let start = line.find(&format!("{name}=\"")).expect(name) + name.len() + 2;
            line[start..]
                .split('"')
                .next()
                .expect("value")
                .parse()
                .expect("number")
        };
        let url = line
            .split('>')
            .nth(1)
            .and_then(|s| s.split('<').next())
            .expect("url");
        let tail = url
            .split_once("/assets/screenshots/")
            .expect("points at assets/screenshots")
            .1;
        let (w, h, _, _) = png(&root().join("assets/screenshots").join(tail));
        assert_eq!((w, h), (attr("width"), attr("height")), "{tail}");
        shots += 1;
    }
    assert!(shots >= 3, "several screenshots, found {shots}");
}

#[test]
fn every_icon_size_is_rendered_and_the_copies_agree() {
    let hicolor = root().join("packaging/linux/icons/hicolor");
    for size in SIZES {
        let path = hicolor.join(format!("{size}x{size}/apps/{APP_ID}.png"));
        let (w, h, color, _) = png(&path);
        assert_eq!((w, h), (size, size), "{}", path.display());
        assert_eq!(color, png::ColorType::Rgba, "{}", path.display());
    }
    let source = std::fs::read(root().join(format!("assets/icons/{APP_ID}.svg"))).expect("svg");
    let scalable =
        std::fs::read(hicolor.join(format!("scalable/apps/{APP_ID}.svg"))).expect("scalable");
    assert_eq!(
        source, scalable,
        "run scripts/render-icons.sh after editing the SVG"
    );
    let window = std::fs::read(root().join(format!("assets/icons/{APP_ID}.png"))).expect("png");
    let menu = std::fs::read(hicolor.join(format!("128x128/apps/{APP_ID}.png"))).expect("128");
    assert_eq!(window, menu, "the window shows the menus' 128 px icon");
}

#[test]
fn the_window_has_the_app_id_and_the_icon() {
    let settings = frontdesk::gui::window_settings();
    assert_eq!(settings.platform_specific.application_id, APP_ID);
    let (rgba, size) = settings.icon.expect("the window has an icon").into_raw();
    assert_eq!((size.width, size.height), (128, 128));
    assert_eq!(rgba.len(), 128 * 128 * 4);
    let alpha = |x: usize, y: usize| rgba[(y * 128 + x) * 4 + 3];
    assert_eq!(alpha(0, 127), 0, "the corners are transparent");
    assert_eq!(alpha(64, 80), 255, "the middle (the cross) is opaque");
    let (_, _, _, decoded) = png(&root().join(format!("assets/icons/{APP_ID}.png")));
    assert_eq!(rgba, decoded, "the pixels are the icon file's");
}

/// The `[package.metadata.deb]` table of Cargo.toml, as text.
fn deb_metadata() -> String {
    let cargo = read("Cargo.toml");
    let start = cargo
        .find("[package.metadata.deb]")
        .expect("a [package.metadata.deb] table");
    let rest = &cargo[start + 1..];
    let end = rest.find("\n[").map_or(rest.len(), |i| i + 1);
    rest[..end].to_owned()
}

#[test]
fn the_deb_installs_every_packaging_file_and_they_exist() {
    let deb = deb_metadata();
    let sources: Vec<String> = deb
        .lines()
        .filter_map(|l| l.trim().strip_prefix("[\""))
        .filter_map(|l| l.split('"').next())
        .map(str::to_owned)
        .collect();
    for wanted in [
        "target/release/frontdesk".to_owned(),
        format!("packaging/linux/{APP_ID}.desktop"),
        format!("packaging/linux/{APP_ID}.metainfo.xml"),
        "packaging/linux/icons/hicolor/**/*".to_owned(),
    ] {
        assert!(
            sources.contains(&wanted),
            "the .deb installs {wanted}: {sources:?}"
        );
    }
    for source in sources.iter().filter(|s| !s.starts_with("target/")) {
        let fixed = source.split('*').next().expect("prefix");
        assert!(root().join(fixed).exists(), "{source} exists");
    }
    for key in [
        "maintainer",
        "copyright",
        "extended-description",
        "changelog",
        "section",
    ] {
        assert!(deb.contains(&format!("\n{key} = ")), "the .deb sets {key}");
    }
}

#[test]
fn the_debian_changelog_is_for_this_version() {
    let changelog = read("packaging/debian/changelog");
    let first = changelog.lines().next().expect("a first line");
    assert!(
        first.starts_with(&format!("frontdesk ({}-", env!("CARGO_PKG_VERSION"))),
        "the newest entry is for this version: {first}"
    );
    let trailer = changelog
        .lines()
        .find(|l| l.starts_with(" -- "))
        .expect("a maintainer trailer");
    assert!(
        trailer.contains("  "),
        "two spaces between the address and the date"
    );
    assert!(trailer.contains("+0000"), "an RFC 2822 date: {trailer}");
}
