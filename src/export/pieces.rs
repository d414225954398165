//! An export as the pieces it was made of. A big page is mostly its
//! board (the SVG and the detail list, each made on its own): written one
//! piece after the other, the page is never copied whole into one more
//! string, which at 10,000 stickies was 9 MB of fresh memory.

/// Strings written in `order` (a piece may be written more than once).
#[derive(Debug)]
pub struct Pieces {
    parts: Vec<String>,
    order: Vec<usize>,
}

impl Pieces {
    /// An export made as one string.
    pub fn one(text: String) -> Self {
        Pieces {
            parts: vec![text],
            order: vec![0],
        }
    }

    /// `text` with each mark (wherever it is, if it is) replaced by its
    /// piece: the text between marks is copied, the pieces are not.
    pub fn put_in(text: &str, pieces: Vec<(&str, String)>) -> Self {
        let mut found: Vec<(usize, usize, usize)> = pieces
            .iter()
            .enumerate()
            .flat_map(|(i, (mark, _))| {
                text.match_indices(mark)
                    .map(move |(at, m)| (at, m.len(), i))
            })
            .collect();
        found.sort_unstable_by_key(|&(at, ..)| at);
        let mut parts: Vec<String> = pieces.into_iter().map(|(_, piece)| piece).collect();
        let mut order = Vec::with_capacity(2 * found.len() + 1);
        let mut from = 0;
        for (at, mark_len, piece) in found {
            order.push(parts.len());
            parts.push(text.get(from..at).unwrap_or_default().to_owned());
            order.push(piece);
            from = at + mark_len;
        }
        order.push(parts.len());
        parts.push(text.get(from..).unwrap_or_default().to_owned());
        Pieces { parts, order }
    }

    /// The pieces in the order they are written.
    pub fn iter(&self) -> impl Iterator<Item = &str> {
        self.order
            .iter()
            .filter_map(|&i| self.parts.get(i))
            .map(String::as_str)
    }

    /// The whole export as one string, made at its size.
    pub fn into_string(mut self) -> String {
        if self.order == [0] && self.parts.len() == 1 {
            return self.parts.pop().unwrap_or_default();
        }
        let mut out = String::with_capacity(self.iter().map(str::len).sum());
        for piece in self.iter() {
            out.push_str(piece);
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pieces_go_where_their_marks_are_in_any_order_and_number() {
        let marks = || {
            vec![
                ("<!--a-->", "<svg/>".to_owned()),
                ("<!--b-->", "<ol/>".to_owned()),
            ]
        };
        let p = Pieces::put_in("x<!--b-->y<!--a-->z<!--b-->é", marks());
        assert_eq!(p.iter().collect::<String>(), "x<ol/>y<svg/>z<ol/>é");
        assert_eq!(p.into_string(), "x<ol/>y<svg/>z<ol/>é");
        // A mark the text does not hold (a board the page does not show).
        let p = Pieces::put_in("<p>rien</p>", marks());
        assert_eq!(p.into_string(), "<p>rien</p>");
        assert_eq!(Pieces::one("tout".to_owned()).into_string(), "tout");
    }
}
