/* fonts.c - a Pango font map that sees only the fonts bundled in fonts/,
 * registered with a private fontconfig configuration, so a briefing looks
 * the same on every machine whatever fonts it has installed.
 */
#include "layout.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>

PangoContext *csb_fonts_context(PangoFontMap *map)
{
    PangoContext *ctx = pango_font_map_create_context(map);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    pango_cairo_context_set_font_options(ctx, fo);
    cairo_font_options_destroy(fo);
    pango_context_set_language(ctx, pango_language_from_string("en-gb"));
    return ctx;
}

PangoFontMap *csb_fonts_map(const char *fonts_dir, CsbDiag *diag)
{
    FcConfig *cfg = FcConfigCreate();
    GDir *dir = cfg ? g_dir_open(fonts_dir, 0, NULL) : NULL;
    if (!dir) {
        csb_diag_error(diag, fonts_dir, 0, 0, "cannot open the bundled fonts folder");
        if (cfg)
            FcConfigDestroy(cfg);
        return NULL;
    }
    /* File by file: adding a folder would make fontconfig want a cache. */
    const char *name;
    while ((name = g_dir_read_name(dir))) {
        if (!g_str_has_suffix(name, ".ttf") && !g_str_has_suffix(name, ".otf"))
            continue;
        char *path = g_build_filename(fonts_dir, name, NULL);
        if (!FcConfigAppFontAddFile(cfg, (const FcChar8 *)path))
            csb_diag_warn(diag, path, 0, 0, "not a font fontconfig can read; skipped");
        g_free(path);
    }
    g_dir_close(dir);
    /* No ligatures: a glyph for "ff" or "ffi" reads back (in a screen reader
     * following the structure tree, in copied text) as one odd character
     * unless every reader honours ActualText; separate letters always read
     * as the words they are. */
    static const char no_ligatures[] =
        "<fontconfig><match target=\"font\"><edit name=\"fontfeatures\" mode=\"append\">"
        "<string>liga=0</string><string>clig=0</string></edit></match></fontconfig>";
    if (!FcConfigParseAndLoadFromMemory(cfg, (const FcChar8 *)no_ligatures, FcTrue))
        csb_diag_warn(diag, fonts_dir, 0, 0, "fontconfig did not take the rule that turns "
                                             "ligatures off; text may use them");
    FcFontSet *set = FcConfigGetFonts(cfg, FcSetApplication);
    if (!set || set->nfont == 0) {
        csb_diag_error(diag, fonts_dir, 0, 0, "no fonts found in this folder");
        FcConfigDestroy(cfg);
        return NULL;
    }
    PangoFontMap *map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(map), cfg);
    FcConfigDestroy(cfg); /* the font map holds its own reference */
    pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(map), 72.0);
    return map;
}
