"""Eighty-first fresh held-out set for the diagnosis: one planted bug per program in fresh81/
(eight PyTorch ports, each checked against a NumPy program of its own, and eight NumPy programs,
each checked against a correct port of its own) and three correct programs.
The theme is count and survival regression written by hand. A Poisson regression of claim counts
with a log link and an exposure offset (a small tanh hidden layer gives the log rate per
policy-year, log(exposure) is added to the linear predictor), the Poisson negative log-likelihood
mean(mu - y eta) without its log(y!) constant (torch's F.poisson_nll_loss on the log mean),
gradients clipped to a global norm and AdamW, on mini-batches of 20 of 48 policies; a
negative-binomial (NB2) regression of visit counts with a linear predictor and a learned
log-dispersion, the full negative log-likelihood (lgamma(y + r) - lgamma(r) written for integer
counts as a sum of log(r + k), its derivative as a sum of 1 / (r + k)), RMSprop with weight decay
on the weights only and an exponential learning-rate decay, on mini-batches of 30 of 60; and a
Cox proportional-hazards network (a ReLU hidden layer, a bias-free risk score) trained on the
negative Breslow partial log-likelihood averaged over the events, the rows sorted by time
(longest first) so that risk sets are cumulative sums, tied times sharing the sum at the end of
their block and censored rows entering the risk sets only, with SGD momentum, weight decay and a
cosine-annealed learning rate, on the full batch of 40 subjects. fresh81/make_data.py writes the
data: y holds [count, exposure], the visit counts, and [time, event].
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh81_cases

Each case:
    id          short name (prefixed RC)
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

F = "scripts/diagnosis_sets/fresh81/"

CLAIMS, VISITS, SURVIVAL = F + "claims.npz", F + "visits.npz", F + "survival.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


POIS = ("--data", CLAIMS, "--batch-size", "20")
POIS_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['W2']=out.weight.T",
                     "params['b2']=out.bias")
POIS_FLAT_PARAMS = params("W1=hidden.weight", "b1=hidden.bias", "W2=out.weight", "b2=out.bias")
NB = ("--data", VISITS, "--batch-size", "30", "--state", "square_avg=net.sq")
NB_PARAMS = params("params['w']=linear.weight.T", "params['b']=linear.bias", "params['log_alpha']=log_alpha")
NB_RAW_PARAMS = params("params['w']=w", "params['b']=b", "params['log_alpha']=log_alpha")
COX = ("--data", SURVIVAL)
COX_PARAMS = params("params['W1']=hidden.weight.T", "params['b1']=hidden.bias", "params['w2']=risk.weight.T")
COX_MAT_PARAMS = params("W_h=hidden.weight", "b_h=hidden.bias", "w_r=risk.weight")

CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="RC01_pois_rate_log_input", side="port",
         args=pair("poisson_numpy.py", "PoissonNet", "01_pois_rate_log_input_port.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the port passes the expected count torch.exp(eta) to F.poisson_nll_loss, whose default "
                   "log_input=True expects the log mean: the loss becomes mean(exp(mu) - y * mu) instead of "
                   "mean(mu - y * eta), exponentiated twice, so the loss and every gradient differ from step 1 "
                   "(the forward eta is right)",
         expected=("poisson_nll_loss", "log_input", "log_input=true", "log mean", "log rate", "rate", "exp",
                   "exponentiated twice", "double exp", "link", "log link", "mu instead of log", "loss",
                   "poisson", "input")),
    dict(id="RC02_pois_offset_broadcast", side="port",
         args=pair("poisson_numpy.py", "PoissonNet", "02_pois_offset_broadcast_port.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the port keeps the output layer's (n, 1) column without .squeeze(-1) and adds the "
                   "(n,) log(exposure) offset: broadcasting makes an (n, n) matrix pairing every row's score with "
                   "every row's exposure, and F.poisson_nll_loss broadcasts the (n,) counts against it and "
                   "averages n*n terms, so the loss and all gradients differ from step 1",
         expected=("broadcast", "broadcasting", "shape", "squeeze", "(n, 1)", "(n, n)", "offset", "exposure",
                   "log(exposure)", "column", "outer", "every pair", "n*n", "dimension", "target shape")),
    dict(id="RC03_pois_clip_value", side="port",
         args=pair("poisson_numpy.py", "PoissonNet", "03_pois_clip_value_port.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the port clips with clip_grad_value_(params, MAX_NORM), clamping each element to "
                   "[-0.5, 0.5], instead of clip_grad_norm_, which rescales all gradients by "
                   "MAX_NORM / global norm when that norm exceeds 0.5: on those steps the port leaves most "
                   "elements unscaled and only clamps the few beyond 0.5, so the clipped gradients, the Adam "
                   "moments and the updates differ",
         expected=("clip", "clipping", "clip_grad_norm_", "clip_grad_value_", "by value", "global norm",
                   "gradient norm", "max_norm", "rescale", "scaled", "one factor", "norm", "clamp",
                   "elementwise", "gradient")),
    dict(id="RC04_pois_adam_l2", side="port",
         args=pair("poisson_numpy.py", "PoissonNet", "04_pois_adam_l2_port.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the port uses torch.optim.Adam(weight_decay=WD) where the NumPy program does AdamW: "
                   "the decay WD * p is added to the gradient and goes through the adaptive moments (L2 "
                   "regularisation) instead of shrinking the weights by lr * WD * p outside them (decoupled), so "
                   "the moments and updates differ while the gradients agree",
         expected=("adamw", "adam", "weight decay", "weight_decay", "decoupled", "l2", "coupled",
                   "proportional to the parameter", "wd * p", "moments", "exp_avg", "optimizer", "update",
                   "regulariz", "decay")),
    dict(id="RC05_nb_probs_swapped", side="port",
         args=pair("negbin_numpy.py", "NegBinRegression", "05_nb_probs_swapped_port.py", "NegBinRegression", *NB,
                   *NB_PARAMS),
         mechanism="pair: the port builds torch's NegativeBinomial(total_count=r, probs=r / (r + mu)), scipy's "
                   "nbinom convention, where torch's probs is the other probability mu / (r + mu) (logits "
                   "log mu - log r): the modelled mean becomes r^2 / mu instead of mu, so the negative "
                   "log-likelihood and the gradients of w, b and log_alpha all differ from step 1",
         expected=("negative binomial", "negativebinomial", "probs", "logits", "parameterization",
                   "parametrisation", "success probability", "1 - p", "swapped", "scipy", "total_count",
                   "dispersion", "mean", "log_prob", "likelihood")),
    dict(id="RC06_nb_scheduler_dropped", side="port",
         args=pair("negbin_numpy.py", "NegBinRegression", "06_nb_scheduler_dropped_port.py", "NegBinRegression",
                   *NB, *NB_PARAMS),
         mechanism="pair: make_optimizer builds the ExponentialLR but returns only the optimizer, so the "
                   "scheduler is never stepped and the port trains at the constant LR while the NumPy program "
                   "decays it by GAMMA = 0.95 each update: the first update agrees, from update 2 the port's "
                   "updates are larger by 1 / 0.95 ** (t - 1), gradients agree",
         expected=("scheduler", "schedule", "exponentiallr", "learning rate", "lr decay", "decay", "gamma",
                   "constant learning rate", "never stepped", "not stepped", "scheduler.step", "exponential",
                   "make_optimizer", "ratio", "update")),
    dict(id="RC07_cox_event_unsorted", side="port",
         args=pair("cox_numpy.py", "CoxNet", "07_cox_event_unsorted_port.py", "CoxNet", *COX, *COX_PARAMS),
         mechanism="pair: the port sorts eta and time by descending time but leaves the event indicator in the "
                   "original row order: the event terms eta_i - log risk_i are taken at the wrong subjects (the "
                   "number of events is unchanged), so the partial log-likelihood and all gradients differ from "
                   "step 1",
         expected=("sort", "sorted", "order", "argsort", "permutation", "event", "event indicator", "censor",
                   "misaligned", "not reordered", "index", "risk set", "partial likelihood", "cox",
                   "wrong subjects")),
    dict(id="RC08_cox_ties_cumsum", side="port",
         args=pair("cox_numpy.py", "CoxNet", "08_cox_ties_cumsum_port.py", "CoxNet", *COX, *COX_PARAMS),
         mechanism="pair: the port takes torch.logcumsumexp(eta) at each row's own sorted position instead of "
                   "at the end of its tie block: subjects with tied times get only the part of the risk set "
                   "sorted before them (not Breslow: the denominators of tied events are too small and depend "
                   "on the row order), so the loss and all gradients differ from step 1",
         expected=("ties", "tied", "breslow", "tie", "risk set", "cumulative sum", "logcumsumexp", "cumsum",
                   "denominator", "block", "same time", "partial likelihood", "cox", "sort order", "efron")),
]

CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="RC09_pois_tanh_pre", side="numpy",
         args=pair("09_pois_tanh_pre_numpy.py", "PoissonNet", "poisson_torch.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the hand-written tanh derivative is 1 - pre**2, taken of the pre-activation "
                   "X W1 + b1, instead of 1 - h**2 of the activation h = tanh(pre): W1 and b1 get wrong "
                   "gradients (W2, b2 and the loss right) before clipping, and the clipping norm changes with "
                   "them",
         expected=("tanh", "derivative", "pre-activation", "1 - h**2", "1 - tanh", "activation",
                   "backward", "hidden layer", "chain rule", "pre", "w1", "b1", "gradient",
                   "activation-derivative")),
    dict(id="RC10_pois_clip_sq_norm", side="numpy",
         args=pair("10_pois_clip_sq_norm_numpy.py", "PoissonNet", "poisson_torch.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the NumPy clipping measures the global gradient norm without the square root (the "
                   "squared norm sum g^2): steps with a norm between 0.5 and 0.71 go unclipped and steps with a "
                   "norm above 1 are clipped harder, by MAX_NORM / |g|^2, so the clipped gradients (one factor "
                   "for all parameters on a step) and the Adam updates differ",
         expected=("clip", "clipping", "norm", "sqrt", "square root", "squared norm", "global norm",
                   "max_norm", "clip_grad_norm_", "one factor", "scaled", "rescale", "gradient norm",
                   "l2 norm")),
    dict(id="RC11_pois_offset_log1p", side="numpy",
         args=pair("11_pois_offset_log1p_numpy.py", "PoissonNet", "poisson_torch.py", "PoissonNet", *POIS,
                   *POIS_PARAMS),
         mechanism="pair: the NumPy offset is np.log1p(exposure) instead of np.log(exposure): each policy's "
                   "expected count is multiplied by (1 + exposure) / exposure instead of nothing (x1.5 to x4.3), "
                   "so the forward eta, the loss and every gradient differ from step 1",
         expected=("offset", "exposure", "log1p", "log(exposure)", "log(1 + exposure)", "log", "linear predictor",
                   "forward", "eta", "poisson", "expected count", "rate", "link", "input")),
    dict(id="RC12_nb_digamma_offbyone", side="numpy",
         args=pair("12_nb_digamma_offbyone_numpy.py", "NegBinRegression", "negbin_torch.py", "NegBinRegression",
                   *NB, *NB_PARAMS),
         mechanism="pair: the hand-written digamma difference psi(y + r) - psi(r) sums 1 / (r + k) over k <= y "
                   "instead of k < y, one term too many (1 / (r + y)): only log_alpha's gradient is wrong "
                   "(too large by mean(r / (r + y))), the loss (its lgamma sum uses k < y), w and b are right",
         expected=("digamma", "psi", "off by one", "off-by-one", "<=", "dispersion", "log_alpha", "alpha",
                   "lgamma", "one term too many", "backward", "gradient", "sum", "negative binomial",
                   "derivative")),
    dict(id="RC13_nb_sq_raw_grad", side="numpy",
         args=pair("13_nb_sq_raw_grad_numpy.py", "NegBinRegression", "negbin_torch.py", "NegBinRegression",
                   *NB, *NB_PARAMS),
         mechanism="pair: the NumPy RMSprop accumulates the square average of the raw gradient g instead of the "
                   "decayed gradient g + WD * w, while its step divides g + WD * w: only the weight w (the one "
                   "parameter with weight decay) gets a slightly different square_avg and update; b and "
                   "log_alpha agree",
         expected=("rmsprop", "square_avg", "weight decay", "weight_decay", "second moment", "squared gradient",
                   "running average", "decay", "optimizer", "update", "l2", "wd * w", "denominator",
                   "accumulator")),
    dict(id="RC14_cox_cosine_eta_min", side="numpy",
         args=pair("14_cox_cosine_eta_min_numpy.py", "CoxNet", "cox_torch.py", "CoxNet", *COX, *COX_PARAMS),
         mechanism="pair: the NumPy cosine schedule is ETA_MIN + LR * (1 + cos) / 2 instead of "
                   "ETA_MIN + (LR - ETA_MIN) * (1 + cos) / 2: every update uses a learning rate too large by "
                   "ETA_MIN * (1 + cos(pi t / T_MAX)) / 2 (0.11 against 0.1 at the first update, shrinking to "
                   "nothing at T_MAX), one factor for all parameters that moves with the step",
         expected=("cosine", "cosineannealinglr", "schedule", "learning rate", "eta_min", "annealing",
                   "lr", "minimum learning rate", "one factor", "ratio", "moves with the step", "scheduler",
                   "update", "t_max")),
    dict(id="RC15_cox_censored_dropped", side="numpy",
         args=pair("15_cox_censored_dropped_numpy.py", "CoxNet", "cox_torch.py", "CoxNet", *COX, *COX_PARAMS),
         mechanism="pair: the NumPy program keeps only the rows with an event when it sorts (np.flatnonzero(event)"
                   "), dropping the censored subjects from the data and so from every risk set: the risk-set "
                   "sums lose the censored subjects' exp(eta), so the partial log-likelihood and all gradients "
                   "differ from step 1",
         expected=("censor", "censored", "risk set", "dropped", "excluded", "event", "filter", "subjects",
                   "partial likelihood", "cox", "denominator", "rows", "survival", "at risk")),
    dict(id="RC16_cox_backward_cumsum", side="numpy",
         args=pair("16_cox_backward_cumsum_numpy.py", "CoxNet", "cox_torch.py", "CoxNet", *COX, *COX_PARAMS),
         mechanism="pair: the backward sums each event's share event_i / risk_i with a forward cumulative sum "
                   "instead of the reverse one: subject j collects the shares of events with times at least its "
                   "own (sorted before it) instead of the events whose risk sets contain it (times at most its "
                   "own), so all gradients are wrong while the loss is right",
         expected=("cumsum", "cumulative sum", "reverse", "direction", "backward", "risk set", "gradient",
                   "partial likelihood", "cox", "[::-1]", "order", "chain rule", "loss right", "share")),
]

CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="RC17_pois_flat_numpy", side="correct",
         args=pair("poisson_flat_numpy.py", "FlatPoissonNet", "poisson_torch.py", "PoissonNet", *POIS,
                   *POIS_FLAT_PARAMS),
         mechanism="pair: the Poisson network in NumPy with every parameter a view into one flat vector, "
                   "weights kept (out, in), the gradient a flat vector with views, mu written as exposure * "
                   "exp(log-rate) and the loss as mean(mu - y log mu), clipping by the flat gradient's norm and "
                   "AdamW on flat moments with the bias corrections folded into the step size; against the "
                   "nn.Linear port", expected=()),
    dict(id="RC18_nb_raw_param_port", side="correct",
         args=pair("negbin_numpy.py", "NegBinRegression", "negbin_raw_torch.py", "RawNegBin", *NB,
                   *NB_RAW_PARAMS),
         mechanism="pair: negative-binomial port with raw nn.Parameters (w (5, 1) used as X @ w), the "
                   "likelihood written with torch.lgamma and log(1 + alpha mu) as softplus(eta + log_alpha), "
                   "RMSprop param groups built from named_parameters and the exponential decay as a LambdaLR",
         expected=()),
    dict(id="RC19_cox_risk_matrix_numpy", side="correct",
         args=pair("cox_matrix_numpy.py", "CoxRiskMatrix", "cox_torch.py", "CoxNet", *COX, *COX_MAT_PARAMS),
         mechanism="pair: the Cox network in NumPy without sorting: an explicit 0/1 risk-set matrix "
                   "R[i, j] = [T_j >= T_i] (Breslow ties by construction), the backward through R^T, weights "
                   "as (out, in) attributes, momentum buffers in a list made at the first step and the cosine "
                   "rate from math.cos; against the sorted logcumsumexp port", expected=()),
]
