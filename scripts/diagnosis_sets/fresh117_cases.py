"""Hundred-and-seventeenth fresh held-out set for the diagnosis: one planted bug per program in
fresh117/ (eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy
programs, each checked against a correct port of its own) and three correct programs.
The theme is recurrent networks written by hand over short sequences stored flat in X (each row T
steps of D features, read as X.reshape(N, T, D)), the NumPy programs doing backpropagation through
time by hand. A GRU classifier (gates r, z, n as torch.nn.GRU, the reset gate applied after the
hidden matmul with its own hidden bias bhn, the last hidden state into a linear head), softmax
cross entropy averaged over the batch, gradients clipped by their global norm, then Adam with an
L2 term in the gradient, on mini-batches of 12; an LSTM regressor (gates i, f, g, o in one fused
projection, forget-gate bias initialised to 1, the hidden states averaged over time into a linear
head), mean squared error, gradients clipped by value, RMSprop (alpha 0.9) and a step schedule
halving the rate every 6 updates; and an Elman tanh RNN binary classifier (last hidden state to
one logit), binary cross entropy with logits, SGD with heavy-ball momentum and weight decay, on
mini-batches of 16. fresh117/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh117_cases

Each case:
    id          short name (prefixed SM)
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

F = "scripts/diagnosis_sets/fresh117/"

GRU_DATA, LSTM_DATA, ELMAN_DATA = F + "gru_seq.npz", F + "lstm_seq.npz", F + "elman_seq.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


GRU = ("--data", GRU_DATA, "--batch-size", "12")
GRU_PARAMS = params("params['Wx']=x2h.weight.T", "params['b']=x2h.bias", "params['Wh']=h2h.weight.T",
                    "params['bhn']=bhn", "params['Wo']=head.weight.T", "params['bo']=head.bias")
GRU_TL_PARAMS = params("params['weight_ih']=gru.weight_ih_l0", "params['weight_hh']=gru.weight_hh_l0",
                       "params['bias_ih']=gru.bias_ih_l0", "params['bias_hh']=gru.bias_hh_l0",
                       "params['head_w']=head.weight", "params['head_b']=head.bias")
LSTM = ("--data", LSTM_DATA, "--state", "square_avg=net.square_avg")
LSTM_PARAMS = params("params['Wx']=x2h.weight.T", "params['b']=x2h.bias", "params['Wh']=h2h.weight.T",
                     "params['Wy']=head.weight.T", "params['by']=head.bias")
LSTM_P_PARAMS = params("params['Wx']=Wx", "params['b']=b", "params['Wh']=Wh", "params['Wy']=Wy",
                       "params['by']=by")
ELMAN = ("--data", ELMAN_DATA, "--batch-size", "16")
ELMAN_PARAMS = params("params['Wxh']=i2h.weight.T", "params['bh']=i2h.bias", "params['Whh']=h2h.weight.T",
                      "params['Why']=head.weight.T", "params['by']=head.bias")
ELMAN_FLAT_PARAMS = params("Wxh=i2h.weight.T", "bh=i2h.bias", "Whh=h2h.weight.T", "Why=head.weight.T",
                           "by=head.bias")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="SM01_gru_reset_before_matmul", side="port",
         args=pair("gru_numpy.py", "GRUClassifier", "01_gru_reset_before_port.py", "GRUClassifier", *GRU,
                   *GRU_PARAMS),
         mechanism="pair: the port's candidate applies the reset gate before the hidden matmul, "
                   "n = tanh(x_n + (r * h) W_hn + b_hn) (the original GRU paper's form), where the NumPy "
                   "program follows torch.nn.GRU, n = tanh(x_n + r * (h W_hn + b_hn)): bhn is no longer "
                   "gated by r and W_hn sees r * h, so the hidden states, logits, loss and every gradient "
                   "differ from the first step",
         expected=("reset gate", "reset", "candidate", "gru", "before the matmul", "after the matmul",
                   "r * h", "hidden projection", "w_hn", "bhn", "forward", "gate", "recurrent",
                   "torch.nn.gru", "hidden state")),
    dict(id="SM02_gru_adamw", side="port",
         args=pair("gru_numpy.py", "GRUClassifier", "02_gru_adamw_port.py", "GRUClassifier", *GRU, *GRU_PARAMS),
         mechanism="pair: the port's optimizer is AdamW(weight_decay=WD) where the NumPy program adds the L2 "
                   "term WD * p to the gradient before Adam's moments (torch.optim.Adam's weight_decay): the "
                   "decay is decoupled, p -= LR * WD * p outside the moments, so the moments miss WD * p and "
                   "every update differs by a term proportional to the parameter; the gradients agree",
         expected=("adamw", "adam", "weight decay", "decoupled", "l2", "coupled", "weight_decay",
                   "proportional to the parameter", "optimizer", "update", "moments", "exp_avg",
                   "regulariz", "decay")),
    dict(id="SM03_gru_clip_per_param", side="port",
         args=pair("gru_numpy.py", "GRUClassifier", "03_gru_clip_per_param_port.py", "GRUClassifier", *GRU,
                   *GRU_PARAMS),
         mechanism="pair: the port calls clip_grad_norm_(p, MAX_NORM) on each parameter in a loop instead of "
                   "once on model.parameters(): each tensor is clipped by its own norm, so where the global "
                   "norm exceeds 0.3 the NumPy program scales every gradient by one factor and the port leaves "
                   "most of them unscaled; the clipped gradients and the updates differ, not by one factor",
         expected=("clip", "clipping", "clip_grad_norm_", "global norm", "per-parameter", "per parameter",
                   "per tensor", "each parameter", "max_norm", "total norm", "gradient norm", "scale",
                   "scaling factor", "gradient")),
    dict(id="SM04_lstm_gate_order", side="port",
         args=pair("lstm_numpy.py", "LSTMRegressor", "04_lstm_gate_order_port.py", "LSTMRegressor", *LSTM,
                   *LSTM_PARAMS),
         mechanism="pair: the port chunks the fused gate pre-activations as i, f, o, g where the NumPy "
                   "program (and torch's layout) order them i, f, g, o: the third block goes through a sigmoid "
                   "as the output gate and the fourth through tanh as the candidate, so the cell, the hidden "
                   "states, the prediction, the loss and every gradient differ from the first step",
         expected=("gate order", "gate", "lstm", "chunk", "order", "i, f, g, o", "output gate", "candidate",
                   "cell", "swapped", "permuted", "tanh", "sigmoid", "forward", "layout")),
    dict(id="SM05_lstm_multistep_once", side="port",
         args=pair("lstm_numpy.py", "LSTMRegressor", "05_lstm_multistep_port.py", "LSTMRegressor", *LSTM,
                   *LSTM_PARAMS),
         mechanism="pair: the port's schedule is MultiStepLR(milestones=[6], gamma=0.5) instead of "
                   "StepLR(step_size=6, gamma=0.5): the rate halves once after update 6 and then stays, where "
                   "the NumPy program halves it again after updates 12 and 18; updates 13 onward are 2x (then "
                   "4x) larger in the port, gradients and squared averages agree at each step",
         expected=("schedule", "scheduler", "learning rate", "steplr", "multisteplr", "milestones", "step_size",
                   "decay", "gamma", "halve", "step schedule", "lr", "update", "every 6", "factor of 2")),
    dict(id="SM06_lstm_squeeze_broadcast", side="port",
         args=pair("lstm_numpy.py", "LSTMRegressor", "06_lstm_squeeze_port.py", "LSTMRegressor", *LSTM,
                   *LSTM_PARAMS),
         mechanism="pair: the port's forward returns head(hbar).squeeze(-1), shape (N,), while y is (N, 1): "
                   "F.mse_loss broadcasts them to (N, N) and averages every prediction against every target, "
                   "so the loss is mean_ij (pred_i - y_j)^2 and the gradients pull each prediction toward the "
                   "mean target instead of its own",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n,)", "(n, 1)", "(n, n)", "mse_loss",
                   "target shape", "mismatch", "mean target", "loss", "pairwise", "every target", "dimension")),
    dict(id="SM07_elman_detach_hidden", side="port",
         args=pair("elman_numpy.py", "ElmanClassifier", "07_elman_detach_port.py", "ElmanClassifier", *ELMAN,
                   *ELMAN_PARAMS),
         mechanism="pair: the port feeds h.detach() into the recurrence, h = tanh(i2h(x_t) + h2h(h.detach())), "
                   "so backpropagation through time is truncated to one step: the forward and loss agree but "
                   "the gradients of i2h, h2h keep only the last time step's term (the head's are right)",
         expected=("detach", "truncated", "bptt", "backpropagation through time", "one step", "hidden state",
                   "recurrent", "gradient path", "no gradient", "stop gradient", "autograd", "whh", "wxh",
                   "earlier time steps", "last time step")),
    dict(id="SM08_elman_view_time_major", side="port",
         args=pair("elman_numpy.py", "ElmanClassifier", "08_elman_view_port.py", "ElmanClassifier", *ELMAN,
                   *ELMAN_PARAMS),
         mechanism="pair: the port reads the flat batch as X.view(T, N, D) instead of "
                   "X.view(N, T, D).transpose(0, 1): the time-major view reinterprets memory, so step t of "
                   "sequence i is built from pieces of other rows; the inputs fed to the recurrence, the "
                   "logits, loss and gradients all differ from the first step",
         expected=("view", "reshape", "transpose", "time-major", "batch-first", "batch first", "layout",
                   "(t, n, d)", "(n, t, d)", "sequence", "memory order", "input", "shape", "scrambled",
                   "permute")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="SM09_gru_update_gate_sign", side="numpy",
         args=pair("09_gru_dz_sign_numpy.py", "GRUClassifier", "gru_torch.py", "GRUClassifier", *GRU,
                   *GRU_PARAMS),
         mechanism="pair: the hand-written BPTT takes the update-gate gradient as dh * (n - h_prev) instead of "
                   "dh * (h_prev - n) for h' = (1 - z) n + z h_prev: the sign of the z-gate pre-activation "
                   "gradient is flipped, so the z slices of Wx, Wh and b get wrong gradients (and through "
                   "them dh_prev and everything earlier); the loss is right",
         expected=("update gate", "z gate", "sign", "flipped", "gru", "backward", "bptt", "h_prev - n",
                   "n - h_prev", "derivative", "gradient", "gate", "wrong sign", "opposite", "interpolation")),
    dict(id="SM10_gru_missing_reset_factor", side="numpy",
         args=pair("10_gru_reset_grad_numpy.py", "GRUClassifier", "gru_torch.py", "GRUClassifier", *GRU,
                   *GRU_PARAMS),
         mechanism="pair: the backward through the candidate's hidden projection drops the reset gate: the "
                   "gradient of h W_hn is taken as da_n instead of da_n * r, so the W_hn slice of Wh and the "
                   "gradient flowing back to h_prev through it are too large by 1/r (bhn's gradient keeps the "
                   "r); the loss is right",
         expected=("reset gate", "reset", "missing factor", "r", "candidate", "w_hn", "whh", "backward",
                   "bptt", "chain rule", "gru", "hidden projection", "gradient", "da_n * r", "multiply")),
    dict(id="SM11_gru_adam_vhat_beta1", side="numpy",
         args=pair("11_gru_adam_vhat_numpy.py", "GRUClassifier", "gru_torch.py", "GRUClassifier", *GRU,
                   *GRU_PARAMS),
         mechanism="pair: Adam's second-moment bias correction divides by 1 - BETA1^t instead of 1 - BETA2^t: "
                   "v_hat is too small (by (1 - 0.999^t) / (1 - 0.9^t)), so every update is too large by "
                   "sqrt((1 - 0.9^t) / (1 - 0.999^t)): 10x at step 1, about 6.7x at step 20, a ratio that moves "
                   "with the step; gradients and moments agree",
         expected=("adam", "bias correction", "beta1", "beta2", "v_hat", "second moment", "exp_avg_sq",
                   "1 - beta2", "update", "optimizer", "ratio", "moves with the step", "step", "correction",
                   "denominator")),
    dict(id="SM12_lstm_tanh_deriv_preact", side="numpy",
         args=pair("12_lstm_tanh_deriv_numpy.py", "LSTMRegressor", "lstm_torch.py", "LSTMRegressor", *LSTM,
                   *LSTM_PARAMS),
         mechanism="pair: the derivative of h = o * tanh(c) with respect to the cell is written o * (1 - c^2), "
                   "the tanh derivative taken of the cell state c instead of tanh(c): the cell gradient is "
                   "wrong wherever |c| is not small, so Wx, Wh and b get wrong gradients (Wy, by and the "
                   "loss are right)",
         expected=("tanh", "derivative", "1 - c^2", "tanh(c)", "cell state", "cell", "lstm", "backward",
                   "activation", "pre-activation", "already activated", "bptt", "gradient", "1 - tanh^2",
                   "output gate")),
    dict(id="SM13_lstm_mean_includes_h0", side="numpy",
         args=pair("13_lstm_mean_h0_numpy.py", "LSTMRegressor", "lstm_torch.py", "LSTMRegressor", *LSTM,
                   *LSTM_PARAMS),
         mechanism="pair: the list of hidden states starts with the initial zero state h_0, so the mean over "
                   "time averages T + 1 = 6 states, the head reads 5/6 of the true mean of h_1..h_T; the "
                   "prediction, the loss and every gradient differ (the backward still spreads the gradient "
                   "over T steps, so it is not the gradient of its own loss either)",
         expected=("mean over time", "mean", "initial state", "h_0", "zero state", "t + 1", "average",
                   "pooling", "hidden states", "readout", "forward", "5/6", "off by one", "scaled", "time steps")),
    dict(id="SM14_lstm_step_schedule_float", side="numpy",
         args=pair("14_lstm_step_float_numpy.py", "LSTMRegressor", "lstm_torch.py", "LSTMRegressor", *LSTM,
                   *LSTM_PARAMS),
         mechanism="pair: the step schedule computes GAMMA ** (t / STEP) with true division instead of "
                   "GAMMA ** (t // STEP): the rate decays smoothly every update (an exponential schedule, "
                   "0.5^(1/6) = 0.891 per step) instead of halving every 6 updates; from update 2 the updates "
                   "are smaller by a ratio that changes each step, gradients and squared averages agree",
         expected=("schedule", "learning rate", "step schedule", "steplr", "exponential", "integer division",
                   "floor", "//", "decay", "gamma", "every step", "smooth", "lr", "update", "ratio")),
    dict(id="SM15_elman_tanh_time_index", side="numpy",
         args=pair("15_elman_tanh_index_numpy.py", "ElmanClassifier", "elman_torch.py", "ElmanClassifier",
                   *ELMAN, *ELMAN_PARAMS),
         mechanism="pair: the BPTT loop takes the tanh derivative at time t from hs[t] (the previous hidden "
                   "state) instead of hs[t + 1] (the state that step produced): an off-by-one in time, so at "
                   "the first step it uses h_0 = 0 (derivative 1) and elsewhere the neighbour's activation; "
                   "Wxh, Whh and bh get wrong gradients, the loss and the head's gradients are right",
         expected=("off by one", "off-by-one", "time index", "tanh", "derivative", "bptt",
                   "backpropagation through time", "hidden state", "previous", "hs[t + 1]", "backward",
                   "activation", "index", "time step", "recurrent")),
    dict(id="SM16_elman_bce_extra_sigmoid_deriv", side="numpy",
         args=pair("16_elman_bce_grad_numpy.py", "ElmanClassifier", "elman_torch.py", "ElmanClassifier",
                   *ELMAN, *ELMAN_PARAMS),
         mechanism="pair: the gradient of the binary cross entropy with logits is multiplied by the sigmoid "
                   "derivative, dlogit = p (1 - p) (p - y) / N instead of (p - y) / N (the MSE-through-sigmoid "
                   "chain rule applied to BCE): every gradient is scaled by p (1 - p), at most 0.25, a "
                   "different factor per row; the loss is right",
         expected=("cross entropy", "bce", "sigmoid", "derivative", "p (1 - p)", "extra factor", "logit",
                   "with logits", "loss gradient", "backward", "p - y", "chain rule", "output", "gradient",
                   "scaled")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="SM17_gru_torch_layout_nngru", side="correct",
         args=pair("gru_torchlayout_numpy.py", "GRUTorchLayout", "gru_nngru_torch.py", "GRUNet", *GRU,
                   *GRU_TL_PARAMS),
         mechanism="pair: the GRU classifier in NumPy in torch.nn.GRU's own layout (weight_ih, weight_hh "
                   "stored (out, in), two biases bias_ih and bias_hh), np.einsum backward, log-sum-exp loss and "
                   "Adam with the bias corrections folded into the step size; against a port using nn.GRU "
                   "itself", expected=()),
    dict(id="SM18_lstm_raw_params_port", side="correct",
         args=pair("lstm_numpy.py", "LSTMRegressor", "lstm_params_torch.py", "LSTMRegressorP", *LSTM,
                   *LSTM_P_PARAMS),
         mechanism="pair: LSTM port with raw nn.Parameters in the NumPy layout, torch.addmm and torch.split "
                   "gates, a running sum over time, p.grad.clamp_ for value clipping and the step schedule "
                   "written into param_groups by hand before each RMSprop step", expected=()),
    dict(id="SM19_elman_flat_sutskever", side="correct",
         args=pair("elman_flat_numpy.py", "ElmanFlat", "elman_torch.py", "ElmanClassifier", *ELMAN,
                   *ELMAN_FLAT_PARAMS),
         mechanism="pair: Elman classifier in NumPy with every parameter a view into one flat vector, "
                   "gradients as views into one flat vector, tanh' as 1 / cosh^2 of stored pre-activations, "
                   "np.logaddexp loss and momentum in the Sutskever form (step = mu step - lr g, "
                   "theta += step)", expected=()),
]
