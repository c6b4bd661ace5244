"""One hundred and seventy-eighth fresh held-out set for the diagnosis: one planted bug per program
in fresh178/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is policy-gradient
reinforcement learning on logged data: a softmax policy MLP over discrete actions trained by
REINFORCE with a baseline (a value head, or a running mean of the returns), the discounted returns
computed in advance and given as data, an entropy bonus and advantage normalisation, written out by
hand in NumPy with its backward, trained with Adam or RMSprop.

The base programs (data from fresh178/make_data.py, fixed seed, nothing random while training;
y[:, 0] is the logged action stored as a float, y[:, 1] the discounted return G):

    ac_numpy.py:ActorCritic / ac_torch.py:ActorCritic, pg.npz X (48, 6), y (48, 2), 4 actions
        shared tanh layer 6->32 (W1 kept (in, out)); policy head 32->4 (Wp (in, out)), log-softmax;
        value head 32->1 (Wv (32, 1), bv (1,)). Advantage A = G - V with V treated as a constant
        (detached), normalised (A - mean) / (population std + 1e-8).
        L = -mean(A * log pi(a|s)) + 0.5 * mean((V - G)^2) - 0.01 * mean(entropy).
        Adam lr 1e-2, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.
    rb_numpy.py:ReinforceBaseline / rb_torch.py:ReinforceBaseline, base.npz X (32, 5), y (32, 2),
        3 actions
        ReLU MLP 5->16->16->3 as a list of layer dicts, W kept (out, in) (port: nn.Sequential).
        Running baseline b (program state, no gradient, a buffer in the port): advantage G - b
        with b from before the batch, then b <- 0.9 b + 0.1 mean(G). No normalisation.
        L = -mean((G - b) * log pi(a|s)) - 0.02 * mean(entropy).
        RMSprop lr 1e-3, decay (alpha) 0.9, eps 1e-8 outside the square root, as
        torch.optim.RMSprop(alpha=0.9); the NumPy cache compared as square_avg.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh178_cases

Each case:
    id          short name (prefixed UV)
    side        "port", "numpy" or "correct"
    args        the `parity check` argument list (paths relative to the repository root); every
                case gives --as-written, its --param pairs, --steps 20, --dtype float32, --device cpu
    mechanism   the planted mechanism, one line
    expected    keywords (case-insensitive) that an explanation naming the mechanism would contain;
                written from the mechanism, before any run, not from the kit's output; () for a correct program

Written without reading the kit's diagnosis rules, findings or measurements, nor any other set;
validated by exit status alone (each bug exits 1 and its fixed copy exits 0 under the same
arguments; each base pair and each correct variant exits 0).
"""

F = "scripts/diagnosis_sets/fresh178/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def ac(numpy="ac_numpy.py", port="ac_torch.py", cls="ActorCritic", wp="pi.weight.T"):
    return [F + numpy + ":" + cls, "--torch", F + port + ":ActorCritic",
            "--data", F + "pg.npz", "--as-written",
            "--param", "params['W1']=body.weight.T",
            "--param", "params['b1']=body.bias",
            "--param", f"params['Wp']={wp}",
            "--param", "params['bp']=pi.bias",
            "--param", "params['Wv']=v.weight.T",
            "--param", "params['bv']=v.bias", *RUN]


def rb(numpy="rb_numpy.py", port="rb_torch.py"):
    return [F + numpy + ":ReinforceBaseline", "--torch", F + port + ":ReinforceBaseline",
            "--data", F + "base.npz", "--as-written",
            "--param", "layers[0]['W']=net.0.weight",
            "--param", "layers[0]['b']=net.0.bias",
            "--param", "layers[1]['W']=net.2.weight",
            "--param", "layers[1]['b']=net.2.bias",
            "--param", "layers[2]['W']=net.4.weight",
            "--param", "layers[2]['b']=net.4.bias",
            "--state", "square_avg=net.cache", *RUN]


def rb_alt_port():
    return [F + "rb_numpy.py:ReinforceBaseline", "--torch", F + "rb_alt_torch.py:PolicyMLP",
            "--data", F + "base.npz", "--as-written",
            "--param", "layers[0]['W']=weights.0",
            "--param", "layers[0]['b']=biases.0",
            "--param", "layers[1]['W']=weights.1",
            "--param", "layers[1]['b']=biases.1",
            "--param", "layers[2]['W']=weights.2",
            "--param", "layers[2]['b']=biases.2",
            "--state", "square_avg=net.cache", *RUN]


def rb_alt_numpy():
    return [F + "rb_alt_numpy.py:ReinforceAlt", "--torch", F + "rb_torch.py:ReinforceBaseline",
            "--data", F + "base.npz", "--as-written",
            "--param", "layers[0].W=net.0.weight.T",
            "--param", "layers[0].b=net.0.bias",
            "--param", "layers[1].W=net.2.weight.T",
            "--param", "layers[1].b=net.2.bias",
            "--param", "layers[2].W=net.4.weight.T",
            "--param", "layers[2].b=net.4.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UV01", "side": "port", "args": ac(port="01_nodetach_port.py"),
     "mechanism": "advantage G - V not detached: the policy loss backpropagates through the value "
                  "head (and the normalisation), where the NumPy program treats the baseline as a constant",
     "expected": ("detach", "baseline", "value", "advantage", "stop-gradient", "constant")},
    {"id": "UV02", "side": "port", "args": ac(port="02_unbiasedstd_port.py"),
     "mechanism": "advantage normalised with adv.std() (torch's unbiased, N - 1) where NumPy's "
                  "adv.std() is the population std (N): the policy-gradient term scaled by sqrt(47/48)",
     "expected": ("unbiased", "std", "ddof", "bessel", "N - 1")},
    {"id": "UV03", "side": "port", "args": ac(port="03_entropysign_port.py"),
     "mechanism": "entropy bonus added with the wrong sign (+0.01 * entropy in the loss): entropy "
                  "penalised instead of rewarded",
     "expected": ("entropy", "sign", "bonus", "negated")},
    {"id": "UV04", "side": "port", "args": ac(port="04_adameps_port.py"),
     "mechanism": "torch.optim.Adam(eps=1e-5) (the PPO-codebase value) where the NumPy Adam uses eps 1e-8",
     "expected": ("eps", "epsilon", "1e-5", "adam")},
    {"id": "UV05", "side": "port", "args": rb(port="05_entropymean_port.py"),
     "mechanism": "entropy reduced with .mean() over all elements (batch and actions) instead of "
                  "sum over actions then mean over the batch: the entropy term 3 times too small",
     "expected": ("entropy", "mean", "sum", "reduction", "actions")},
    {"id": "UV06", "side": "port", "args": rb(port="06_baselineorder_port.py"),
     "mechanism": "running baseline updated with this batch's mean return before the advantage is "
                  "computed (the NumPy program uses the baseline from before the batch, then updates it)",
     "expected": ("baseline", "order", "before", "running", "stale")},
    {"id": "UV07", "side": "port", "args": rb(port="07_rmspropalpha_port.py"),
     "mechanism": "torch.optim.RMSprop left at its default alpha=0.99 where the NumPy cache "
                  "decays with 0.9",
     "expected": ("alpha", "rmsprop", "decay", "0.99", "square_avg")},
    {"id": "UV08", "side": "port", "args": rb(port="08_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out: gradients accumulate across steps from step 2",
     "expected": ("zero_grad", "accumulat", "accumulate")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UV09", "side": "numpy", "args": ac(numpy="09_entropygrad_numpy.py"),
     "mechanism": "entropy-bonus gradient wrt the logits taken as -p log p, the p * H term "
                  "(-p (log p + H)) left out",
     "expected": ("entropy", "derivative", "gradient", "logits", "softmax")},
    {"id": "UV10", "side": "numpy", "args": ac(numpy="10_valuegrad_numpy.py"),
     "mechanism": "value-loss gradient without the factor 2 of the square: dV = 0.5 (V - G) / N "
                  "instead of 0.5 * 2 (V - G) / N (value head and shared layer)",
     "expected": ("value", "factor 2", "factor of 2", "half", "square", "mse")},
    {"id": "UV11", "side": "numpy", "args": ac(numpy="11_adamsqrt_numpy.py"),
     "mechanism": "Adam denominator sqrt(v) / (1 - beta2^t) + eps: the second-moment bias "
                  "correction divided outside the square root without its own sqrt",
     "expected": ("bias correction", "bias-correct", "sqrt", "second moment", "exp_avg_sq")},
    {"id": "UV12", "side": "numpy", "args": ac(numpy="12_advmean_numpy.py"),
     "mechanism": "advantage normalisation divides by the std without subtracting the mean "
                  "(A / (std + eps) instead of (A - mean) / (std + eps))",
     "expected": ("advantage", "mean", "normalis", "normaliz", "center")},
    {"id": "UV13", "side": "numpy", "args": rb(numpy="13_rmseps_numpy.py"),
     "mechanism": "RMSprop eps inside the square root: g / sqrt(cache + eps) instead of "
                  "g / (sqrt(cache) + eps)",
     "expected": ("eps", "epsilon", "sqrt", "inside", "rmsprop")},
    {"id": "UV14", "side": "numpy", "args": rb(numpy="14_baselineema_numpy.py"),
     "mechanism": "running baseline EMA coefficients swapped: b <- 0.1 b + 0.9 mean(G) instead of "
                  "0.9 b + 0.1 mean(G) (differs from step 2)",
     "expected": ("baseline", "momentum", "running", "moving average", "ema")},
    {"id": "UV15", "side": "numpy", "args": rb(numpy="15_hiddentranspose_numpy.py"),
     "mechanism": "backward through the square 16x16 hidden-to-hidden layer uses W.T instead of W "
                  "(W kept (out, in)): the transpose fits the shape",
     "expected": ("transpose", "layout", "W.T", "hidden")},
    {"id": "UV16", "side": "numpy", "args": rb(numpy="16_inplacealias_numpy.py"),
     "mechanism": "delta = probs aliases the softmax array and is modified in place (-= onehot, "
                  "*= A/N), so the entropy-gradient term then reads the overwritten probabilities",
     "expected": ("in-place", "in place", "alias", "copy", "entropy")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UV17", "side": "correct", "args": ac(numpy="ac_alt_numpy.py", cls="ActorCriticAlt",
                                                 wp="pi.weight"),
     "mechanism": "correct: actor-critic with einsum products, policy head kept (out, in), entropy "
                  "derivative as -(p log p - p sum p log p), Adam in torch's form updating in place",
     "expected": ()},
    {"id": "UV18", "side": "correct", "args": rb_alt_port(),
     "mechanism": "correct: port with ParameterLists and F.linear, torch.distributions.Categorical "
                  "log_prob and entropy, baseline a Python float updated after the step",
     "expected": ()},
    {"id": "UV19", "side": "correct", "args": rb_alt_numpy(),
     "mechanism": "correct: NumPy layer objects with W kept (in, out), logsumexp log-softmax, "
                  "RMSprop with np.multiply / np.add / np.subtract out= in place",
     "expected": ()},
]
