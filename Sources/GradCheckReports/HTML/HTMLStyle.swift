/// The style sheet of the HTML report: inline, no external fonts or assets, readable on screen and in
/// print. It holds no `<` or `&`, so it is also well-formed XML.
///
/// The page is at most ``pageWidth`` pixels wide, padding included, so a 1,280-pixel window (less its
/// scroll bar) never scrolls sideways; what is wider (the heatmap) scrolls inside a `.scroll-frame`.
public enum HTMLStyle {
    /// The widest the page is, padding included.
    public static let pageWidth = 1200
    /// The side padding of the page.
    static let sidePadding = 32
    /// The widest the content is: every chart outside a scroll frame fits in it.
    public static let contentWidth = pageWidth - 2 * sidePadding

    static let css = """
        body { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1a1a1a; box-sizing: border-box;
               margin: 0 auto; padding: 1.5rem \(sidePadding)px 3rem; max-width: \(pageWidth)px; line-height: 1.45; }
        h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
        h2 { font-size: 1.25rem; margin: 2.2rem 0 .8rem; padding-bottom: .3rem; border-bottom: 1px solid #ddd; }
        h3 { font-size: 1.05rem; margin: 1.4rem 0 .5rem; }
        nav a { margin-right: 1rem; }
        .status { font-size: 1.15rem; font-weight: 600; padding: .5rem .8rem; border-radius: 6px; display: inline-block; }
        .status.ok { background: #e6f4ea; color: #1b5e20; }
        .status.failed { background: #fde7e9; color: #8e0000; }
        .meta { color: #555; margin: .4rem 0; }
        .warning { background: #fff4e5; border-left: 4px solid #e69f00; padding: .4rem .8rem; }
        .badge { display: inline-block; padding: .05rem .5rem; border-radius: 999px; color: #fff;
                 font-size: .85rem; font-weight: 600; white-space: nowrap; }
        ul.counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .5rem; }
        table { border-collapse: collapse; margin: .5rem 0 1rem; font-size: .9rem; }
        th, td { padding: .3rem .6rem; border-bottom: 1px solid #e4e4e4; text-align: left; vertical-align: top; }
        th { background: #f4f4f4; font-weight: 600; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
        tr.fails td { background: #fff1f1; }
        tr.warns td { background: #fff8e1; }
        tr.outside td { color: #a50026; font-weight: 600; }
        code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85rem; }
        pre { background: #f6f8fa; padding: .6rem .8rem; border-radius: 6px; overflow-x: auto; }
        article.failure { border: 1px solid #f0c4c4; border-left: 5px solid #b2182b; border-radius: 6px;
                          padding: .2rem 1rem .6rem; margin: 1rem 0; }
        dl.record { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .15rem 1rem; margin: .6rem 0; }
        dl.record dt { color: #555; }
        dl.record dd { margin: 0; font-variant-numeric: tabular-nums; overflow-wrap: anywhere; }
        dl.record pre { margin: 0; }
        figure { margin: 1.2rem 0 2rem; overflow-x: auto; }
        .scroll-frame { display: grid; overflow-x: auto; max-width: 100%; border: 1px solid #eee; }
        .scroll-frame > svg { grid-area: 1 / 1; }
        .scroll-frame > svg.sticky-labels { position: sticky; left: 0; z-index: 1; }
        section#results table { display: block; overflow-x: auto; max-width: 100%; }
        figcaption { color: #555; font-size: .9rem; margin-top: .3rem; max-width: 60rem; }
        details summary { cursor: pointer; color: #0b5cad; }
        details ol { margin: .3rem 0; padding-left: 1.4rem; }
        footer { margin-top: 3rem; color: #777; font-size: .85rem; }
        svg text { font-family: system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; }
        """
}
