"""Eighty-third fresh held-out set for the diagnosis: one planted bug per program in fresh83/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is time-series forecasting written by hand: direct multi-horizon forecasters over
sliding lag windows (each row of X a window of past values, y the next few values). A tanh MLP
on per-window standardised windows (each window minus its mean, divided by its population
standard deviation, the forecast mapped back with mu + sd * out) with the Huber loss (DELTA 1.5),
global-norm gradient clipping and AdamW under a cosine schedule with a floor; an Elman (tanh) RNN
encoder unrolled over the window, backpropagation through time written out, a linear head over
three horizons, a horizon-weighted mean squared error, global-norm clipping and RMSprop
(alpha 0.9) with a step schedule; and a seasonal-naive residual model whose ReLU MLP reads the
seasonal differences of the window and predicts, per horizon and per quantile level
(0.1, 0.5, 0.9), the correction to the value one season (7) earlier, trained with the pinball
loss and Adagrad with weight decay. fresh83/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh83_cases

Each case:
    id          short name (prefixed RE)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root);
                scripts/diagnosis_held_out.py adds --steps 20, --dtype float32 and
                --device cpu where the case does not give them, and --json, --quiet
    mechanism   the planted mechanism, one line (for a correct case, what it exercises)
    expected    keywords (case-insensitive) that an explanation naming the mechanism would
                contain; written from the mechanism, before any run, not from the kit's output;
                () for a correct program

Written without reading the kit's diagnosis rules (nor its findings, nor the diagnosis output
for these programs: they were validated by exit status alone). Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

F = "scripts/diagnosis_sets/fresh83/"

DEMAND, SENSOR, VISITS = F + "demand.npz", F + "sensor.npz", F + "visits.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


MLP = ("--data", DEMAND, "--batch-size", "10")
MLP_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                    "params['b2']=fc2.bias")
MLP_ALT_PARAMS = params("params['fc1_w']=fc1.weight", "params['fc1_b']=fc1.bias",
                        "params['fc2_w']=fc2.weight", "params['fc2_b']=fc2.bias")
RNN = ("--data", SENSOR, "--batch-size", "12")
RNN_PARAMS = params("params['Wx']=i2h.weight.T", "params['bh']=i2h.bias", "params['Wh']=h2h.weight.T",
                    "params['Wy']=head.weight.T", "params['by']=head.bias")
RNN_P_PARAMS = params("params['Wx']=Wx", "params['bh']=bh", "params['Wh']=Wh", "params['Wy']=Wy",
                      "params['by']=by")
SQ = ("--data", VISITS, "--batch-size", "14")
SQ_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['W2']=fc2.weight.T",
                   "params['b2']=fc2.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RE01_mlp_unbiased_std", side="port",
         args=pair("window_mlp_numpy.py", "WindowMLP", "01_mlp_unbiased_std_port.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the port's per-window scale is torch.sqrt(X.var(dim=1, keepdim=True) + EPS), torch's "
                   "default unbiased variance (divided by L - 1 = 15) where NumPy's is the population variance "
                   "(divided by L = 16): every window's sd is about sqrt(16/15) = 1.033 times larger, so the "
                   "standardised input, the mapped-back forecast, the loss and every gradient differ from step 1",
         expected=("std", "standard deviation", "variance", "unbiased", "unbiased=false", "ddof", "bessel",
                   "n - 1", "correction", "standardis", "normaliz", "per-window", "window", "scale",
                   "torch.var")),
    dict(id="RE02_mlp_smooth_l1_beta", side="port",
         args=pair("window_mlp_numpy.py", "WindowMLP", "02_mlp_smooth_l1_port.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the port's loss is F.smooth_l1_loss(yhat, y, beta=DELTA) for the Huber loss with "
                   "delta DELTA = 1.5: smooth L1 with beta equals Huber divided by beta, so the loss and its "
                   "gradients (before clipping) are 1/1.5 = 0.667 times NumPy's, one constant factor for every "
                   "parameter",
         expected=("huber", "smooth l1", "smooth_l1_loss", "huber_loss", "beta", "delta", "1.5", "scaled",
                   "factor", "ratio", "loss", "constant factor", "divided by", "0.667", "quadratic")),
    dict(id="RE03_mlp_adam_coupled_wd", side="port",
         args=pair("window_mlp_numpy.py", "WindowMLP", "03_mlp_adam_l2_port.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the port builds torch.optim.Adam(weight_decay=WD) instead of AdamW: the decay is "
                   "added to the gradient as an L2 term (g + WD * p) that passes through the Adam moments, "
                   "instead of the decoupled p *= 1 - lr * WD; gradients agree, the moments and updates differ",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled",
                   "optimizer", "update", "moment", "exp_avg", "proportional to the parameter", "decay",
                   "regulariz", "wd")),
    dict(id="RE04_rnn_rmsprop_alpha", side="port",
         args=pair("rnn_fc_numpy.py", "RNNForecaster", "04_rnn_rmsprop_alpha_port.py", "RNNForecaster", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the port's torch.optim.RMSprop leaves alpha at torch's default 0.99 where the NumPy "
                   "program uses 0.9: the squared-gradient average takes 0.01 g^2 instead of 0.1 g^2, so "
                   "sqrt(square_avg) is about sqrt(10) smaller early on and every update about 3 times "
                   "larger; the gradients agree, the updates differ from step 1",
         expected=("rmsprop", "alpha", "0.99", "0.9", "default", "decay rate", "rho", "square_avg",
                   "squared gradient", "moving average", "running average", "optimizer", "update",
                   "hyperparameter", "denominator")),
    dict(id="RE05_rnn_clip_value", side="port",
         args=pair("rnn_fc_numpy.py", "RNNForecaster", "05_rnn_clip_value_port.py", "RNNForecaster", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(clip_value=MAX_NORM) instead of "
                   "clip_grad_norm_(max_norm=MAX_NORM): each element is clamped to +-0.7 (which almost no "
                   "element reaches: the largest is about 0.4) instead of all gradients being scaled by "
                   "0.7 / global norm, so on the "
                   "steps where the global norm exceeds 0.7 the port's gradients and updates are unscaled, "
                   "larger by one common factor",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "global norm", "norm",
                   "max_norm", "value", "element-wise", "elementwise", "scaled", "common factor",
                   "gradient", "exploding", "rescale")),
    dict(id="RE06_mlp_cosine_no_eta_min", side="port",
         args=pair("window_mlp_numpy.py", "WindowMLP", "06_mlp_cosine_eta_min_port.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the port's CosineAnnealingLR omits eta_min=LR_MIN, so its learning rate anneals to 0 "
                   "instead of to 0.001: the first update agrees, afterwards each update's rate is smaller by "
                   "LR_MIN * (1 - cos(pi k / T_MAX)) / 2, a gap that grows with the step (about 9% of the rate "
                   "midway, nearly all of it at the last update)",
         expected=("cosine", "cosineannealinglr", "eta_min", "minimum learning rate", "learning rate",
                   "schedule", "scheduler", "lr_min", "floor", "anneal", "decays to zero", "grows with the step",
                   "update", "ratio", "t_max")),
    dict(id="RE07_sq_pinball_sign", side="port",
         args=pair("snaive_q_numpy.py", "SeasonalQuantileNet", "07_sq_pinball_sign_port.py",
                   "SeasonalQuantileNet", *SQ, *SQ_PARAMS),
         mechanism="pair: the port's pinball residual is e = q - y instead of y - q, so max(tau e, (tau-1) e) "
                   "is the pinball loss of level 1 - tau: the 0.1 and 0.9 quantile outputs are trained as each "
                   "other's (the median unchanged), the loss and the gradients of those outputs differ",
         expected=("pinball", "quantile", "quantile loss", "sign", "y - q", "residual", "tau", "1 - tau",
                   "swapped", "mirrored", "flipped", "loss", "asymmetric", "error", "direction")),
    dict(id="RE08_sq_quantile_major_view", side="port",
         args=pair("snaive_q_numpy.py", "SeasonalQuantileNet", "08_sq_quantile_major_port.py",
                   "SeasonalQuantileNet", *SQ, *SQ_PARAMS),
         mechanism="pair: the port reads the nine outputs as out.view(-1, Q, H).transpose(1, 2), quantile-major, "
                   "where the NumPy program reshapes them (n, H, Q), horizon-major: output unit j feeds a "
                   "different (horizon, quantile) cell, so the forecasts, the loss and the gradients of fc2 "
                   "are permuted/wrong from step 1",
         expected=("reshape", "view", "transpose", "layout", "order", "horizon", "quantile", "permut",
                   "output", "axis", "shape", "row-major", "column", "forward", "mismatch")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RE09_mlp_mapback_grad", side="numpy",
         args=pair("09_mlp_mapback_grad_numpy.py", "WindowMLP", "window_mlp_torch.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the backward through the map-back yhat = mu + sd * out divides by the window's sd "
                   "(dout = dyhat / sd) instead of multiplying (dyhat * sd): every row's gradient is scaled by "
                   "1 / sd^2 (a different factor per window), so all four gradients are wrong while the loss "
                   "is right",
         expected=("standard deviation", "sd", "scale", "map back", "denormaliz", "destandardis", "chain rule",
                   "backward", "gradient", "per-window", "per row", "divide", "multiply", "1 / sd",
                   "inverse")),
    dict(id="RE10_mlp_huber_grad_clip1", side="numpy",
         args=pair("10_mlp_huber_grad_numpy.py", "WindowMLP", "window_mlp_torch.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the Huber gradient is np.clip(e, -1, 1) instead of np.clip(e, -DELTA, DELTA) with "
                   "DELTA = 1.5 (the smooth-L1 gradient): errors with |e| > 1 get gradient +-1 instead of e or "
                   "+-1.5, so the gradients are too small while the loss is right",
         expected=("huber", "delta", "clip", "np.clip", "gradient", "backward", "smooth l1", "threshold",
                   "1.5", "linear region", "quadratic", "derivative", "loss and gradient", "inconsistent",
                   "saturat")),
    dict(id="RE11_mlp_vhat_beta1", side="numpy",
         args=pair("11_mlp_vhat_beta1_numpy.py", "WindowMLP", "window_mlp_torch.py", "WindowMLP", *MLP,
                   *MLP_PARAMS),
         mechanism="pair: the AdamW second-moment bias correction divides by 1 - BETA1^t instead of "
                   "1 - BETA2^t: v_hat is about 100 times too small at step 1, so sqrt(v_hat) is too small and "
                   "the updates too large (about 10x at step 1), the ratio shrinking as t grows",
         expected=("bias correction", "beta2", "beta1", "v_hat", "second moment", "adam", "adamw",
                   "exp_avg_sq", "1 - beta", "optimizer", "update", "ratio moving with the step", "step",
                   "denominator", "copy")),
    dict(id="RE12_rnn_bptt_tanh_index", side="numpy",
         args=pair("12_rnn_bptt_tanh_index_numpy.py", "RNNForecaster", "rnn_fc_torch.py", "RNNForecaster", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: backpropagation through time takes the tanh derivative at the previous state, "
                   "1 - hs[t]^2, instead of at the state the step produced, 1 - hs[t + 1]^2 (an off-by-one in "
                   "the cached states; at the first step it is 1): the recurrent gradients Wx, Wh, bh are "
                   "wrong, Wy and by and the loss right",
         expected=("bptt", "backpropagation through time", "tanh", "derivative", "off by one", "off-by-one",
                   "index", "hidden state", "previous state", "recurrent", "1 - h^2", "backward", "wh",
                   "time step", "cache")),
    dict(id="RE13_rnn_clip_squared_norm", side="numpy",
         args=pair("13_rnn_clip_sq_norm_numpy.py", "RNNForecaster", "rnn_fc_torch.py", "RNNForecaster", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the global gradient norm for clipping omits the square root (the sum of squares is "
                   "used as the norm): with norms around 0.5-1 the squared value is smaller, so clipping at "
                   "0.7 triggers less often and scales by a different factor; gradients after clipping and "
                   "the updates differ by one common factor on those steps",
         expected=("clip", "clipping", "norm", "global norm", "square root", "sqrt", "squared", "sum of squares",
                   "max_norm", "clip_grad_norm_", "factor", "scaled", "gradient", "common factor", "l2")),
    dict(id="RE14_rnn_steplr_early", side="numpy",
         args=pair("14_rnn_steplr_early_numpy.py", "RNNForecaster", "rnn_fc_torch.py", "RNNForecaster", *RNN,
                   *RNN_PARAMS),
         mechanism="pair: the step schedule uses GAMMA ** ((t + 1) // STEP_SIZE) on the count t of updates "
                   "already made, so the rate halves one update early (at the 6th, 12th, 18th update instead "
                   "of the 7th, 13th, 19th): on those updates the step is half torch's StepLR step",
         expected=("schedule", "scheduler", "steplr", "step size", "learning rate", "gamma", "decay",
                   "off by one", "off-by-one", "one step early", "halved", "0.5", "update", "ratio",
                   "step count")),
    dict(id="RE15_sq_naive_offset", side="numpy",
         args=pair("15_sq_naive_offset_numpy.py", "SeasonalQuantileNet", "snaive_q_torch.py",
                   "SeasonalQuantileNet", *SQ, *SQ_PARAMS),
         mechanism="pair: the seasonal-naive baseline is X[:, L-S-1 : L-S-1+H], the values eight steps before "
                   "each target, instead of X[:, L-S : L-S+H], one season (seven) before: an off-by-one in the "
                   "lag index, so the forecasts, the pinball loss and its gradients differ from step 1",
         expected=("seasonal", "naive", "seasonal naive", "season", "lag", "index", "off by one", "off-by-one",
                   "slice", "baseline", "shift", "residual", "forward", "window", "period")),
    dict(id="RE16_sq_adagrad_raw_accumulator", side="numpy",
         args=pair("16_sq_adagrad_acc_numpy.py", "SeasonalQuantileNet", "snaive_q_torch.py",
                   "SeasonalQuantileNet", *SQ, *SQ_PARAMS),
         mechanism="pair: the Adagrad accumulator adds the square of the raw gradient g instead of the "
                   "weight-decayed one g + WD * p, while the step still uses g + WD * p: the accumulated sum "
                   "and so every update's denominator differ (by an amount depending on the parameter); "
                   "gradients agree",
         expected=("adagrad", "accumulator", "sum of squares", "weight decay", "weight_decay", "squared gradient",
                   "state", "optimizer", "update", "denominator", "decayed gradient", "g + wd * p", "sum",
                   "l2", "wrong variable")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RE17_mlp_einsum_folded_adamw_numpy", side="correct",
         args=pair("window_mlp_alt_numpy.py", "WindowMLPAlt", "window_mlp_torch.py", "WindowMLP", *MLP,
                   *MLP_ALT_PARAMS),
         mechanism="pair: the standardised MLP forecaster in NumPy with (out, in) weights under fc1_w.. names, "
                   "np.var/np.std window statistics, np.einsum, the Huber loss through the clipped error, "
                   "separate backward() and update(), and AdamW moments in lists with both bias corrections "
                   "folded into the step size and eps; against the nn.Linear port", expected=()),
    dict(id="RE18_rnn_raw_param_port", side="correct",
         args=pair("rnn_fc_numpy.py", "RNNForecaster", "rnn_fc_params_torch.py", "RNNForecasterP", *RNN,
                   *RNN_P_PARAMS),
         mechanism="pair: Elman RNN port with raw nn.Parameters in the NumPy layout, torch.addmm over X.T, "
                   "horizon weights by torch.einsum on F.mse_loss(reduction='none'), global-norm clipping "
                   "written by hand, RMSprop(foreach=False) and the step schedule as a LambdaLR", expected=()),
    dict(id="RE19_sq_flat_theta_numpy", side="correct",
         args=pair("snaive_q_flat_numpy.py", "SeasonalQuantileFlat", "snaive_q_torch.py", "SeasonalQuantileNet",
                   *SQ, *SQ_PARAMS),
         mechanism="pair: the seasonal-naive quantile forecaster in NumPy with every parameter a view into one "
                   "flat vector (gradients views into another), Adagrad with weight decay run once on the flat "
                   "vectors, np.take for the seasonal-naive columns, and the indicator form of the pinball "
                   "loss and its gradient", expected=()),
]
