package fi.sd.e2e.browser;

import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;

/**
 * What a sample of the desktop viewer's 2D canvas shows: a connected viewer paints black until the
 * desktop's first frame arrives, so "connected" alone does not mean the person sees the desktop.
 */
public record ViewerCanvas(int width, int height, int colours, double lightShare) {

    private static final String SAMPLE = """
            const canvas = document.querySelector('#screen canvas');
            if (!canvas || canvas.width === 0) { return {width: 0, height: 0, colours: 0, light: 0}; }
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            const colours = new Set();
            let light = 0, samples = 0;
            for (let i = 0; i < data.length; i += 4 * 97) {
              colours.add(data[i] + ',' + data[i + 1] + ',' + data[i + 2]);
              if (data[i] + data[i + 1] + data[i + 2] > 600) { light++; }
              samples++;
            }
            return {width: canvas.width, height: canvas.height, colours: colours.size, light: light / samples};
            """;

    /** The desktop is painted: several colours and some light area (the terminal's window). */
    public boolean showsADesktop() {
        return width > 0 && colours > 2 && lightShare > 0.05;
    }

    /** Samples the viewer's canvas in {@code page}, the viewer's own document. */
    @SuppressWarnings("unchecked")
    public static ViewerCanvas sample(JavascriptExecutor page) {
        Map<String, Object> sample = (Map<String, Object>) page.executeScript(SAMPLE);
        return new ViewerCanvas(((Number) sample.get("width")).intValue(), ((Number) sample.get("height")).intValue(),
                ((Number) sample.get("colours")).intValue(), ((Number) sample.get("light")).doubleValue());
    }
}
