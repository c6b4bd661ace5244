"""Forty-seventh fresh held-out set for the diagnosis: one planted bug per program in fresh47/
(eight PyTorch ports, seven of them checked against a NumPy program of their own, and eight NumPy
programs, seven of them checked against a correct port of their own) and three correct programs
in unusual styles. The theme is time-series forecasting written by hand: sliding windows of 12
past values as the inputs and the next three values as the targets (every window cut once by
fresh47/make_data.py and stored in windows.npz), per-window normalisation undone on the forecast
(RevIN, with its learnable affine), differencing and its inverse (forecasting changes and adding
them back onto the last value), a loss weighted per horizon, a seasonal naive forecast added as a
residual, and an autoregressive decoder unrolled over the horizons with teacher forcing from the
stored targets. fresh47/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh47_cases

Each case:
    id          short name (prefixed PU)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). The mechanisms differ from those
of the development set (cases.py), fresh/, fresh2/, ..., fresh46/. Each buggy program was
checked to fail (exit 1) and its fix (the bug line the only difference, given in a `# fix:`
comment beside it) to pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh47/"
port, numpy_net = in_folder(F)

WINDOWS = F + "windows.npz"
KIT = ["--data", WINDOWS, "--hidden-activation", "tanh", "--output-activation", "linear", "--loss", "mse",
       "--lr", "0.1"]


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", "--data", WINDOWS, *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


DENSE = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=head.weight.T",
               "params['b2']=head.bias")
REVIN = DENSE + params("params['gamma']=gamma", "params['beta']=beta")
DECODER = params("params['W1']=context.weight.T", "params['b1']=context.bias", "params['u']=u",
                 "params['W2']=readout.weight.T", "params['b2']=readout.bias")


def revin(prefix: str) -> list[str]:
    return pair(f"{prefix}_numpy.py", "RevinForecaster", f"{prefix}_torch.py", "RevinForecaster", *REVIN)


def diff(prefix: str) -> list[str]:
    return pair(f"{prefix}_numpy.py", "DiffForecaster", f"{prefix}_torch.py", "DiffForecaster", *DENSE)


def seasonal(prefix: str) -> list[str]:
    return pair(f"{prefix}_numpy.py", "SeasonalForecaster", f"{prefix}_torch.py", "SeasonalForecaster", *DENSE)


def decoder(prefix: str) -> list[str]:
    return pair(f"{prefix}_numpy.py", "ARDecoder", f"{prefix}_torch.py", "ARDecoder", *DECODER)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="PU01_window_port", side="port",
         args=port("01_window_port.py", "Net", *OPT, *KIT),
         mechanism="train_step scores the multi-horizon forecast against the targets shifted one step along the "
                   "horizon axis, F.mse_loss(out[:, :-1], y[:, 1:]) (as if y started at t rather than t + 1): "
                   "the forecast for t + h is compared with the value at t + h + 1, the last horizon's output "
                   "never trained and the first target never used, the mean over 2 of the 3 horizons",
         expected=("shift", "shifted", "off by one", "off-by-one", "one step", "horizon", "out[:, :-1]",
                   "y[:, 1:]", "misalign", "alignment", "t + 1", "next value", "last horizon", "first target",
                   "never trained", "slice", "targets shifted")),
    dict(id="PU02_revin_forecaster", side="port",
         args=revin("02_revin_forecaster"),
         mechanism="pair: the port undoes the per-window normalisation in the wrong order, (fn + mu) * sd instead "
                   "of fn * sd + mu (the mean added back before rescaling): every forecast is shifted by mu (sd - 1) "
                   "and the window's mean is scaled by its standard deviation, so the loss and every gradient differ",
         expected=("denormal", "de-normal", "unnormal", "revin", "inverse", "order", "(fn + mu) * sd",
                   "fn * sd + mu", "mean added", "mean added back", "before scaling", "before rescaling",
                   "multiplied by the standard deviation", "mu * sd", "window mean", "undo", "normalisation")),
    dict(id="PU03_revin_affine", side="port",
         args=revin("03_revin_affine"),
         mechanism="pair: the port inverts RevIN's learnable affine by multiplying by gamma, (fa - beta) * gamma, "
                   "instead of dividing, (fa - beta) / gamma: equal while gamma = 1 (the forward at the start), but "
                   "gamma's gradient through the inverse has the opposite sign (+fn instead of -fn / gamma) and from "
                   "step 2 the forecasts differ",
         expected=("affine", "gamma", "affine_weight", "revin", "inverse", "invert", "divide", "division",
                   "multiplied instead of divided", "* gamma", "/ gamma", "denormal", "undo", "opposite sign",
                   "sign", "gamma gradient")),
    dict(id="PU04_diff_forecaster", side="port",
         args=diff("04_diff_forecaster"),
         mechanism="pair: the port undoes the differencing from the window's first value, x[:, :1] + cumsum(delta), "
                   "instead of its last value x[:, -1:] (the index 0 for -1): every forecast level is offset by "
                   "x_0 - x_11, the change over the window, so the loss and every gradient differ",
         expected=("last value", "first value", "x[:, :1]", "x[:, -1:]", "index", "-1", "differenc",
                   "inverse difference", "undo", "add back", "added back", "level", "offset", "anchor",
                   "last observation", "wrong value")),
    dict(id="PU05_diff_levels", side="port",
         args=diff("05_diff_levels"),
         mechanism="pair: the port adds each forecast step-to-step change directly to the last value, "
                   "x[:, -1:] + delta, instead of the running sum x[:, -1:] + delta.cumsum(1): horizon h gets only "
                   "its own change instead of the sum of changes 1..h, so horizons 2 and 3 (and the gradients "
                   "reaching the earlier changes) are wrong; horizon 1 is right",
         expected=("cumsum", "cumulative", "running sum", "integrat", "differenc", "inverse difference",
                   "undo", "add back", "sum of changes", "horizon 2", "horizon 3", "later horizons",
                   "each horizon", "increments", "delta", "missing cumsum")),
    dict(id="PU06_seasonal_weighted", side="port",
         args=seasonal("06_seasonal_weighted"),
         mechanism="pair: the port's horizon weights are built as 1 / torch.arange(H, 0, -1) instead of "
                   "1 / torch.arange(1, H + 1): the weights [1/3, 1/2, 1] normalised, in reverse, so the farthest "
                   "horizon counts most (6/11) and the nearest least (2/11) instead of 6/11 for horizon 1",
         expected=("reverse", "reversed", "horizon weight", "weights", "weighted", "arange", "1 / h",
                   "farthest", "nearest", "order", "flipped", "flip", "per horizon", "per-horizon",
                   "weighting", "backwards")),
    dict(id="PU07_seasonal_lag", side="port",
         args=seasonal("07_seasonal_lag"),
         mechanism="pair: the port's seasonal naive residual is sliced x[:, -S - 1:-S - 1 + H], the lag counted one "
                   "too far (5 instead of the period 4): each horizon's baseline is the value one period and one "
                   "step back, x[t + h - 5] instead of x[t + h - 4], so the forecasts, the loss and every gradient "
                   "differ",
         expected=("season", "seasonal", "naive", "lag", "period", "off by one", "off-by-one", "one step",
                   "-s - 1", "x[:, -s:-s + h]", "slice", "shift", "baseline", "residual", "t + h - 4", "index")),
    dict(id="PU08_ar_decoder", side="port",
         args=decoder("08_ar_decoder"),
         mechanism="pair: the port's unrolled decoder feeds its own previous prediction back as the next step's "
                   "input, prev = pred, instead of the stored target y[:, k] (teacher forcing): from the second "
                   "step on the decoder inputs differ and gradients flow back through the earlier predictions",
         expected=("teacher forcing", "teacher-forcing", "teacher forced", "prediction fed back", "own prediction",
                   "previous prediction", "prev = pred", "stored target", "ground truth", "free-running",
                   "free running", "autoregressive", "decoder input", "exposure", "backprop through the prediction",
                   "y[:, k")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="PU09_window_net", side="numpy",
         args=numpy_net("09_window_net.py", "WindowNet", "--init", "WindowNet()", "--step", "net.train_step(X, y)",
                        *KIT),
         mechanism="the error is taken against targets shifted one step back in time, "
                   "np.concatenate([X[:, -1:], y[:, :-1]], axis=1) (the window's last value, then horizons 1 and 2) "
                   "instead of y: the forecast for t + h is trained towards the value at t + h - 1, a persistence "
                   "target lagging by one step",
         expected=("shift", "shifted", "one step", "off by one", "off-by-one", "lag", "lagged", "target",
                   "y[:, :-1]", "x[:, -1:]", "last value", "previous value", "persistence", "t + h - 1",
                   "misalign", "concatenate")),
    dict(id="PU10_revin_backward", side="numpy",
         args=revin("10_revin_backward"),
         mechanism="pair: the backward pass through the de-normalisation f = fn * sd + mu drops the factor sd, "
                   "d_fn = d_f instead of d_f * sd: every window's gradient reaching the network (and gamma, beta) "
                   "is divided by its own standard deviation, a different factor per row; the forward is right",
         expected=("standard deviation", "sd", "std", "scale", "denormal", "de-normal", "revin", "chain rule",
                   "missing factor", "d_f * sd", "per window", "per-window", "per row", "backward",
                   "derivative", "rescale")),
    dict(id="PU11_revin_stats", side="numpy",
         args=revin("11_revin_stats"),
         mechanism="pair: the window mean is taken over the whole batch, X.mean(keepdims=True) without axis=1: one "
                   "scalar mean for every window (the standard deviation stays per window), so each window is "
                   "normalised and de-normalised around the batch's mean instead of its own, shifting the "
                   "network's inputs and the forecasts",
         expected=("axis", "axis=1", "mean", "batch mean", "global mean", "whole batch", "every window",
                   "per window", "per-window", "own mean", "instance", "revin", "normalis", "normaliz",
                   "statistics", "keepdims")),
    dict(id="PU12_revin_season", side="numpy",
         args=revin("12_revin_season"),
         mechanism="pair: the seasonal naive residual is sliced from the raw window X instead of the normalised "
                   "one xa and added in the normalised space before the de-normalisation: the raw baseline is "
                   "multiplied by the window's standard deviation and offset by its mean again, and gamma and beta "
                   "lose that path (the backward still has it)",
         expected=("season", "seasonal", "naive", "raw", "normalised", "normalized", "normalised space",
                   "scale", "units", "residual", "baseline", "revin", "x[:, l - s", "xa", "standard deviation",
                   "before de-normalis")),
    dict(id="PU13_diff_sign", side="numpy",
         args=diff("13_diff_sign"),
         mechanism="pair: the differenced inputs are X[:, :-1] - X[:, 1:], x_{t-1} - x_t, the negated first "
                   "differences instead of np.diff (x_t - x_{t-1}): every input feature has the opposite sign, so "
                   "the hidden pre-activations, the forecasts and W1's gradient differ",
         expected=("sign", "negat", "opposite", "flipped", "reversed", "np.diff", "difference", "differenc",
                   "x[:, :-1] - x[:, 1:]", "x_t - x_{t-1}", "backward difference", "input features", "inputs",
                   "minus")),
    dict(id="PU14_seasonal_weighted", side="numpy",
         args=seasonal("14_seasonal_weighted"),
         mechanism="pair: the horizon-weighted loss's gradient multiplies by the weights reversed, w[::-1], "
                   "while the loss uses w: horizon 1's error gets 2/11 instead of 6/11 and horizon 3's 6/11 "
                   "instead of 2/11, so the gradient is not that of the loss (horizon 2 right)",
         expected=("reverse", "reversed", "w[::-1]", "horizon weight", "weights", "weighted", "flipped",
                   "order", "per horizon", "per-horizon", "gradient", "backward", "loss uses",
                   "inconsistent", "horizon 1", "horizon 3")),
    dict(id="PU15_revin_undone", side="numpy",
         args=revin("15_revin_undone"),
         mechanism="pair: the forecast is never de-normalised, f = fn instead of fn * sd + mu: the normalised "
                   "forecast is compared with the raw targets (the backward still multiplies by sd), so the loss, "
                   "the error and every gradient differ",
         expected=("denormal", "de-normal", "unnormal", "not undone", "never undone", "undo", "inverse",
                   "revin", "normalised", "normalized", "raw targets", "scale", "mean", "sd", "standard deviation",
                   "fn * sd + mu")),
    dict(id="PU16_ar_start", side="numpy",
         args=decoder("16_ar_start"),
         mechanism="pair: the decoder's first input is the first stored target, y[:, :1], instead of the window's "
                   "last observed value X[:, -1:]: the value the first step must forecast is fed in as its input "
                   "(a target leak at step 1); later teacher-forced steps are right",
         expected=("leak", "leakage", "target", "first target", "y[:, :1]", "x[:, -1:]", "last value",
                   "last observed", "start", "first input", "decoder input", "teacher forcing", "first step",
                   "input", "go token")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="PUC1_diff_accumulate", side="correct",
         args=pair("correct_01_diff_accumulate_numpy.py", "DiffForecaster", "correct_01_diff_accumulate_torch.py",
                   "DiffForecaster", *DENSE),
         mechanism="pair: differencing by np.subtract of shifted slices against Tensor.unfold(1, 2, 1) @ [-1, 1]; "
                   "the inverse as one running sum over [last value, changes] (np.add.accumulate, torch cumsum) with "
                   "the first column dropped, its backward a reversed running sum through np.flip; heavy-ball "
                   "momentum by hand against SGD(momentum=0.9)", expected=()),
    dict(id="PUC2_window_port", side="correct",
         args=port("correct_02_window_port.py", "Net", *OPT, *KIT),
         mechanism="port: nn.Sequential from an OrderedDict (lags, squash, horizons), the loss as the mean of the "
                   "three per-horizon F.mse_loss values over torch.stack (equal to the MSE over all elements), "
                   "zero_grad(set_to_none=True); the kit's NumPy network", expected=()),
    dict(id="PUC3_ar_vectorised", side="correct",
         args=pair("correct_03_ar_vectorised_numpy.py", "VectorisedDecoder", "correct_03_ar_vectorised_torch.py",
                   "ARDecoder", *DECODER),
         mechanism="pair: a teacher-forced decoder vectorised over its three steps in NumPy (the inputs built by "
                   "one shift-right concatenate, a (n, 3, 8) hidden block, shared-weight gradients summed over the "
                   "steps with np.einsum) against the port's Python loop over the steps", expected=()),
]
