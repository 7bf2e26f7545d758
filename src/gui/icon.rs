//! The window's icon: the 128 px PNG rendered from `assets/icons/org.frontdesk.Frontdesk.svg`,
//! compiled in and decoded when the window opens (the same picture the desktop's menus show).

use iced::window::Icon;

/// The icon's PNG file, compiled into the binary.
const PNG: &[u8] = include_bytes!("../../assets/icons/org.frontdesk.Frontdesk.png");

/// Why the window icon could not be made (the window then opens without one).
#[derive(Debug, thiserror::Error)]
pub enum IconError {
    /// The compiled-in PNG could not be decoded. The decoder's words are in the message, so
    /// it is not also a cause (which would say them twice).
    #[error("the window icon cannot be decoded: {0}")]
    Decode(png::DecodingError),
    /// The PNG decoded to something other than 8-bit RGBA.
    #[error("the window icon is {0:?} at {1:?}; it must be 8-bit RGBA")]
    Format(png::ColorType, png::BitDepth),
    /// iced refused the pixels.
    #[error("the window icon is invalid: {0}")]
    Invalid(String),
}

impl From<png::DecodingError> for IconError {
    fn from(error: png::DecodingError) -> Self {
        IconError::Decode(error)
    }
}

/// Decodes the compiled-in icon into the window icon iced hands to the window system.
pub fn window_icon() -> Result<Icon, IconError> {
    let mut reader = png::Decoder::new(std::io::Cursor::new(PNG)).read_info()?;
    let size = reader.output_buffer_size().unwrap_or(0);
    let mut pixels = vec![0; size];
    let frame = reader.next_frame(&mut pixels)?;
    if frame.color_type != png::ColorType::Rgba || frame.bit_depth != png::BitDepth::Eight {
        return Err(IconError::Format(frame.color_type, frame.bit_depth));
    }
    pixels.truncate(frame.buffer_size());
    iced::window::icon::from_rgba(pixels, frame.width, frame.height)
        .map_err(|e| IconError::Invalid(e.to_string()))
}
