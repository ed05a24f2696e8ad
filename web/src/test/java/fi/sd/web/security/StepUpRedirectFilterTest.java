package fi.sd.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepUpRedirectFilterTest {

    @Test
    void onlyOpeningADesktopAsksForTheSecondFactor() {
        assertThat(StepUpRedirectFilter.NEEDS_SECOND_FACTOR.matcher("/desktops/d-1/open").matches()).isTrue();
        assertThat(StepUpRedirectFilter.NEEDS_SECOND_FACTOR.matcher("/desktops/d-1/pause").matches()).isFalse();
        assertThat(StepUpRedirectFilter.NEEDS_SECOND_FACTOR.matcher("/workspaces/w-1").matches()).isFalse();
        assertThat(StepUpRedirectFilter.NEEDS_SECOND_FACTOR.matcher("/desktops/a/b/open").matches()).isFalse();
    }
}
