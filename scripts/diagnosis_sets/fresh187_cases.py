"""One hundred and eighty-seventh fresh held-out set for the diagnosis: one planted bug per program
in fresh187/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy programs
(checked against the correct port), and 3 correct variants. The theme is restricted Boltzmann
machines (binary visible and hidden units) trained by contrastive divergence, with the uniform
noise of every Gibbs sample fixed as data (y), so that both programs sample the same units: the
NumPy side computes the CD update by hand (positive minus negative statistics); the port gets the
same update through the free-energy surrogate F(v0) - F(vk) with the negative sample detached, or
by writing each parameter's .grad itself. Weight decay on the weights and momentum SGD.

The base programs (data from fresh187/make_data.py, fixed seed, nothing random while training):

    rbm_numpy.py:RBM / rbm_torch.py:RBM, rbm.npz X (32, 16) binary, y (32, 26) uniform noise
        (columns 0..9 the hidden sample of the positive phase, 10..25 the visible sample of the
        reconstruction). CD-1, 16 visible, 10 hidden: ph0 = sigmoid(v0 W + c), h0 = [u < ph0],
        v1 = [u < sigmoid(h0 W^T + b)], ph1 = sigmoid(v1 W + c). NumPy: grads
        -(v0^T ph0 - v1^T ph1)/N, -mean(v0 - v1), -mean(ph0 - ph1), W kept (visible, hidden);
        port: W kept (hidden, visible) as nn.Linear, loss F(v0).mean() - F(v1).mean() with
        F(v) = -v.b - sum softplus(v W + c), v1 made under no_grad. SGD lr 0.1, momentum 0.5,
        weight decay 5e-3 coupled (into the velocity) on W only (a param group on the port).
        The loss compared is the free-energy gap on both sides.
    cdk_numpy.py:CDkRBM / cdk_torch.py:CDkRBM, cdk.npz X (48, 20) binary, y (48, 64) uniform
        noise (for Gibbs step t = 0, 1: 12 hidden then 20 visible columns). CD-2, 20 visible,
        12 hidden; negative statistics at v2 with its hidden probabilities; L2 term 1e-2 W added
        to the weight gradient by hand on both sides. NumPy: params dict; port: no autograd, each
        .grad written under no_grad, torch.optim.SGD lr 0.05 momentum 0.9. The loss compared is
        the reconstruction error sum_i (v0 - pv2)^2 averaged over rows.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh187_cases

Each case:
    id          short name (prefixed VE)
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

F = "scripts/diagnosis_sets/fresh187/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def rbm(numpy="rbm_numpy.py", port="rbm_torch.py", cls="RBM",
        pairs=("W=W.T", "b=v_bias", "c=h_bias")):
    args = [F + numpy + ":" + cls, "--torch", F + port + ":RBM",
            "--data", F + "rbm.npz", "--as-written"]
    for p in pairs:
        args += ["--param", p]
    return args + RUN


def rbm_alt_port():
    return rbm(port="rbm_alt_torch.py",
               pairs=("W=hidden.weight.T", "b=visible_bias", "c=hidden.bias"))


def cdk(numpy="cdk_numpy.py", port="cdk_torch.py", cls="CDkRBM",
        pairs=("params['W']=weight", "params['vb']=visible_bias", "params['hb']=hidden_bias")):
    args = [F + numpy + ":" + cls, "--torch", F + port + ":CDkRBM",
            "--data", F + "cdk.npz", "--as-written"]
    for p in pairs:
        args += ["--param", p]
    return args + RUN


def cdk_alt_numpy():
    return cdk(numpy="cdk_alt_numpy.py", cls="TransposedCDk",
               pairs=("WT=weight.T", "a=visible_bias", "bh=hidden_bias"))


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "VE01", "side": "port", "args": rbm(port="01_fenobias_port.py"),
     "mechanism": "free energy written without the visible-bias term -v.b (only the softplus sum): "
                  "the visible bias gets no gradient and is never updated",
     "expected": ("visible bias", "v_bias", "missing term", "no gradient", "never updated")},
    {"id": "VE02", "side": "port", "args": rbm(port="02_decayall_port.py"),
     "mechanism": "SGD(model.parameters(), weight_decay=5e-3): weight decay on the biases too, "
                  "where the NumPy program decays only W",
     "expected": ("weight decay", "weight_decay", "decay", "bias")},
    {"id": "VE03", "side": "port", "args": rbm(port="03_meanfieldrecon_port.py"),
     "mechanism": "negative sample is the mean-field reconstruction pv1 = sigmoid(h0 W^T + b) "
                  "(probabilities), not the binary sample [u < pv1]",
     "expected": ("probabilit", "sample", "mean-field", "reconstruction", "binary")},
    {"id": "VE04", "side": "port", "args": rbm(port="04_noisecols_port.py"),
     "mechanism": "noise columns read in the wrong order: visible noise from y[:, :16] and hidden "
                  "noise from y[:, 16:], where the layout is hidden (10) then visible",
     "expected": ("noise", "column", "slice", "index", "order")},
    {"id": "VE05", "side": "port", "args": rbm(port="05_dampening_port.py"),
     "mechanism": "SGD(momentum=0.5, dampening=0.5): the velocity takes (1 - mu) g (EMA style) "
                  "from step 2, where NumPy adds the whole gradient",
     "expected": ("dampening", "momentum", "velocity", "1 - mu")},
    {"id": "VE06", "side": "port", "args": cdk(port="06_kminus1_port.py"),
     "mechanism": "Gibbs loop range(1, k): k-1 = 1 Gibbs step (CD-1) instead of k = 2, and the "
                  "noise of step 1 used for it",
     "expected": ("off-by-one", "gibbs", "k - 1", "cd-k", "steps")},
    {"id": "VE07", "side": "port", "args": cdk(port="07_halfl2_port.py"),
     "mechanism": "L2 term written into weight.grad as 0.5 * l2 * W (the penalty's 1/2 kept in "
                  "its derivative) instead of l2 * W",
     "expected": ("weight decay", "l2", "0.5", "half", "decay")},
    {"id": "VE08", "side": "port", "args": cdk(port="08_hbsign_port.py"),
     "mechanism": "hidden_bias.grad written as +mean(ph0 - phk), the minus sign dropped: the "
                  "hidden bias ascends where it should descend",
     "expected": ("sign", "hidden_bias", "hidden bias", "negat", "ascent")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "VE09", "side": "numpy", "args": rbm(numpy="09_possample_numpy.py"),
     "mechanism": "positive statistics for W taken with the sampled hidden states v0^T h0 instead "
                  "of the probabilities v0^T ph0",
     "expected": ("sample", "probabilit", "positive", "h0", "statistic")},
    {"id": "VE10", "side": "numpy", "args": rbm(numpy="10_hbsum_numpy.py"),
     "mechanism": "hidden-bias gradient summed over the batch (no 1/N) while W and b are "
                  "averaged: c's gradient 32 times too large",
     "expected": ("sum", "mean", "batch", "32", "reduction")},
    {"id": "VE11", "side": "numpy", "args": rbm(numpy="11_decoupleddecay_numpy.py"),
     "mechanism": "weight decay decoupled (W -= lr wd W beside the step) instead of added to the "
                  "gradient before the momentum, as torch SGD's weight_decay does",
     "expected": ("decoupled", "weight decay", "weight_decay", "momentum", "decay")},
    {"id": "VE12", "side": "numpy", "args": rbm(numpy="12_velrebind_numpy.py"),
     "mechanism": "bias velocities rebound to a local (v = mu * v + g) and never stored back: "
                  "the biases step with the bare gradient, their momentum lost",
     "expected": ("velocity", "momentum", "state", "stored", "in place")},
    {"id": "VE13", "side": "numpy", "args": cdk(numpy="13_chainrestart_numpy.py"),
     "mechanism": "inside the CD-2 loop the hidden probabilities are recomputed from the data X, "
                  "not the chain's current v: the second Gibbs step restarts from the data",
     "expected": ("chain", "gibbs", "data", "restart", "state")},
    {"id": "VE14", "side": "numpy", "args": cdk(numpy="14_recmean_numpy.py"),
     "mechanism": "reconstruction error averaged over all elements (np.mean) instead of summed "
                  "over the 20 visible units and averaged over rows: the loss 20 times too small",
     "expected": ("loss", "mean", "sum", "20", "reduction")},
    {"id": "VE15", "side": "numpy", "args": cdk(numpy="15_vsampleflip_numpy.py"),
     "mechanism": "visible sample drawn as [u > pv] (comparison flipped): each visible unit is on "
                  "with probability 1 - pv",
     "expected": ("sample", "comparison", "flip", "1 - p", "visible")},
    {"id": "VE16", "side": "numpy", "args": cdk(numpy="16_stalephk_numpy.py"),
     "mechanism": "negative statistics for W pair vk with the hidden probabilities of the previous "
                  "Gibbs step p(h | v_{k-1}) instead of p(h | v_k): off by one in the chain",
     "expected": ("off-by-one", "stale", "previous", "negative", "chain")},
    # ---------------------------------------------------------------- correct variants
    {"id": "VE17", "side": "correct", "args": rbm(numpy="rbm_alt_numpy.py", cls="RBMIncrements"),
     "mechanism": "correct: Hinton-style increments (inc = mu inc + lr (g + wd W); W -= inc), "
                  "statistics by einsum, free energy with log1p(exp)",
     "expected": ()},
    {"id": "VE18", "side": "correct", "args": rbm_alt_port(),
     "mechanism": "correct: port with nn.Linear for W and the hidden bias, free energy through "
                  "torch.logaddexp, decay groups picked by parameter name",
     "expected": ()},
    {"id": "VE19", "side": "correct", "args": cdk_alt_numpy(),
     "mechanism": "correct: NumPy CD-2 with the weight kept (hidden, visible), chain unrolled as "
                  "a list of states, momentum updated in place (v *= mu; v += g)",
     "expected": ()},
]
