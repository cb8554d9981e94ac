//! A batch of searches read from a file: one query per line, or a CSV with a `query`
//! column and an optional `label` column (a newsroom's list of names, say).

/// One search of a batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchQuery {
    /// Line of the file it came from, counting from 1.
    pub line: usize,
    /// The query, in the query language.
    pub query: String,
    /// The label given beside it, or the query itself.
    pub label: String,
}

/// A line of a batch file that names no query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BatchLineError {
    /// Line of the file, counting from 1.
    pub line: usize,
    /// What is wrong with it.
    pub message: String,
}

/// What one query of a batch matched over the whole archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QueryTotals {
    /// The query as written.
    pub query: String,
    /// Its label.
    pub label: String,
    /// Articles that match.
    pub articles: u64,
    /// Distinct stories among them (copies counted once).
    pub stories: u64,
    /// Passages that match.
    pub passages: u64,
    /// Publication date of the first match.
    pub first_date: Option<chrono::NaiveDate>,
    /// Publication date of the last match.
    pub last_date: Option<chrono::NaiveDate>,
}

/// Reads a batch file. Plain lines are queries (blank lines and `#` comments skipped); a
/// first line whose cells include `query` makes the file a CSV. Each line either gives a
/// query or an error, so one bad line does not stop the rest.
pub fn read_batch(text: &str) -> Vec<Result<BatchQuery, BatchLineError>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut lines = text.lines().enumerate().map(|(n, line)| (n + 1, line));
    let Some((_, first)) = lines.clone().next() else {
        return Vec::new();
    };
    let header: Vec<String> = csv_cells(first)
        .unwrap_or_default()
        .iter()
        .map(|c| c.trim().to_lowercase())
        .collect();
    let Some(query_at) = header.iter().position(|c| c == "query") else {
        return lines
            .filter(|(_, line)| !line.trim().is_empty() && !line.trim_start().starts_with('#'))
            .map(|(line, text)| {
                Ok(BatchQuery {
                    line,
                    query: text.trim().to_string(),
                    label: text.trim().to_string(),
                })
            })
            .collect();
    };
    let label_at = header.iter().position(|c| c == "label");
    lines.next();
    lines
        .filter(|(_, line)| !line.trim().is_empty())
        .map(|(line, text)| {
            let cells = csv_cells(text).map_err(|message| BatchLineError { line, message })?;
            let query = cells.get(query_at).map(|q| q.trim()).unwrap_or_default();
            if query.is_empty() {
                return Err(BatchLineError {
                    line,
                    message: "the query column is empty".to_string(),
                });
            }
            let label = label_at
                .and_then(|at| cells.get(at))
                .map(|l| l.trim())
                .filter(|l| !l.is_empty())
                .unwrap_or(query);
            Ok(BatchQuery {
                line,
                query: query.to_string(),
                label: label.to_string(),
            })
        })
        .collect()
}

/// The cells of one CSV line: commas between cells, double quotes around a cell that
/// holds commas or quotes, a quote doubled inside one.
fn csv_cells(line: &str) -> Result<Vec<String>, String> {
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = line.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (c, quoted) {
            ('"', false) if cell.trim().is_empty() => {
                cell.clear();
                quoted = true;
            }
            ('"', true) if chars.peek() == Some(&'"') => {
                chars.next();
                cell.push('"');
            }
            ('"', true) => quoted = false,
            (',', false) => cells.push(std::mem::take(&mut cell)),
            (c, _) => cell.push(c),
        }
    }
    if quoted {
        return Err("a quoted cell is not closed; close it with \"".to_string());
    }
    cells.push(cell);
    Ok(cells)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn queries(text: &str) -> Vec<(usize, String, String)> {
        read_batch(text)
            .into_iter()
            .filter_map(Result::ok)
            .map(|q| (q.line, q.query, q.label))
            .collect()
    }

    #[test]
    fn plain_lines_are_queries() {
        let got =
            queries("# names to check\nWilliam Orrick\n\n\"sanctuary cities\"\n  Zoë Brandt  \n");
        assert_eq!(
            got,
            [
                (2, "William Orrick".into(), "William Orrick".into()),
                (
                    4,
                    "\"sanctuary cities\"".into(),
                    "\"sanctuary cities\"".into()
                ),
                (5, "Zoë Brandt".into(), "Zoë Brandt".into()),
            ]
        );
    }

    #[test]
    fn a_csv_with_a_query_column_gives_queries_and_labels() {
        let text = "\u{feff}label,query,note\nJudge,\"\"\"William Orrick\"\"\",x\n,Orrick OR Breyer,\nMayor,\"Brandt, Zoë\",\n";
        assert_eq!(
            queries(text),
            [
                (2, "\"William Orrick\"".into(), "Judge".into()),
                (3, "Orrick OR Breyer".into(), "Orrick OR Breyer".into()),
                (4, "Brandt, Zoë".into(), "Mayor".into()),
            ]
        );
    }

    #[test]
    fn bad_csv_lines_are_reported_with_their_number() {
        let results = read_batch("query,label\n\"unclosed,x\n,empty\nfine,ok\n");
        let errors: Vec<(usize, String)> = results
            .iter()
            .filter_map(|r| r.as_ref().err())
            .map(|e| (e.line, e.message.clone()))
            .collect();
        assert_eq!(errors.len(), 2);
        assert_eq!(errors[0].0, 2);
        assert!(errors[0].1.contains("not closed"));
        assert_eq!(errors[1], (3, "the query column is empty".to_string()));
        assert_eq!(
            queries("query,label\nfine,ok\n"),
            [(2, "fine".into(), "ok".into())]
        );
    }
}
