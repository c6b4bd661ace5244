"""Sixty-fifth fresh held-out set for the diagnosis: one planted bug per program in fresh65/
(eight PyTorch ports, each checked against a NumPy program of their own, and eight NumPy
programs, each checked against a correct port of their own) and three correct programs.
The theme is hypernetworks and conditioned weights written by hand: a small tanh hypernetwork
that emits each sample's own (4 x 3) weight matrix from a context code (applied with einsum or
bmm), FiLM conditioning (a per-feature scale gamma = 1 + ... and shift beta generated from a
context vector by one linear layer and chunked), dynamic per-sample filters (a softmax over the
taps of a kernel generated from the context, applied with a grouped conv1d), low-rank adapters
(LoRA: a frozen base layer W0 + (alpha / r) A @ B with A and B trained) and weight normalisation
(w = g v / ||v||, hand-written or nn.utils.parametrizations.weight_norm), with the gradients of
all of these back through the generated weights. fresh65/make_data.py writes the data.
Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh65_cases

Each case:
    id          short name (prefixed QM)
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
of the development set (cases.py) and the earlier fresh sets. Each buggy program was checked to
fail (exit 1) and its fix (the bug line the only difference, given in its `# fix:` comment) to
pass (exit 0) under the same arguments; each correct program passes (exit 0).
"""

from case_args import OPT, in_folder

F = "scripts/diagnosis_sets/fresh65/"
port, numpy_net = in_folder(F)

FILM, HYPER, LORA, WN, FILTER = F + "film.npz", F + "hyper.npz", F + "lora.npz", F + "wn.npz", F + "filter.npz"


def pair(numpy_file: str, numpy_name: str, torch_file: str, torch_name: str, *extra: str) -> list[str]:
    """A NumPy program of the user's own against the user's own port, both as written."""
    return [f"{F}{numpy_file}:{numpy_name}", "--torch", f"{F}{torch_file}:{torch_name}", "--as-written",
            "--init", f"net = {numpy_name}()", *extra]


def params(*pairs: str) -> list[str]:
    return [a for p in pairs for a in ("--param", p)]


FILM_PARAMS = params("params['W1']=fc1.weight.T", "params['b1']=fc1.bias", "params['Wf']=film.weight.T",
                     "params['bf']=film.bias", "params['W2']=head.weight.T", "params['b2']=head.bias")
HYPER_PARAMS = params("params['H1']=hyper1.weight.T", "params['c1']=hyper1.bias", "params['H2']=hyper2.weight.T",
                      "params['c2']=hyper2.bias", "params['b']=bias")
LORA_PARAMS = params("params['W0']=base.weight.T", "params['b0']=base.bias", "params['A']=lora_A",
                     "params['B']=lora_B", "params['W2']=head.weight.T", "params['b2']=head.bias")
WN_PARAMS = params("params['V1']=v.T", "params['g1']=g.T", "params['b1']=b1", "params['W2']=out.weight.T",
                   "params['b2']=out.bias")
WN_LIB_PARAMS = params("params['V1']=hidden.parametrizations.weight.original1.T",
                       "params['g1']=hidden.parametrizations.weight.original0.T", "params['b1']=hidden.bias",
                       "params['W2']=w_out.T", "params['b2']=b_out")
FILTER_PARAMS = params("params['Wk']=gen.weight.T", "params['bk']=gen.bias", "params['Wh']=head.weight.T",
                       "params['bh']=head.bias")


def film(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "FiLMNet", torch_file, "FiLMNet", "--data", FILM, *FILM_PARAMS)


def hyper(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "HyperNet", torch_file, "HyperNet", "--data", HYPER, *HYPER_PARAMS)


def lora(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "LoRANet", torch_file, "LoRANet", "--data", LORA, *LORA_PARAMS)


def wn(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "WNNet", torch_file, "WNNet", "--data", WN, *WN_PARAMS)


def dynamic_filter(numpy_file: str, torch_file: str) -> list[str]:
    return pair(numpy_file, "FilterNet", torch_file, "FilterNet", "--data", FILTER, *FILTER_PARAMS)


CASES = [
    # ------------------------------------------------------------------ ports
    dict(id="QM01_film_identity_offset", side="port",
         args=film("film_numpy.py", "01_film_identity_port.py"),
         mechanism="pair: the port multiplies the hidden units by the generator's raw scale output, gamma * h + beta, "
                   "forgetting the identity offset of the NumPy program's (1 + gamma) * h + beta: the FiLM scale is "
                   "centred on 0 instead of 1, so the modulated features (and the output, the loss and every "
                   "gradient) are shrunk towards beta",
         expected=("film", "gamma", "1 + gamma", "identity", "offset", "scale", "missing 1", "plus one",
                   "residual", "modulation", "multiplicative", "centred", "centered", "missing term",
                   "feature-wise", "conditioning")),
    dict(id="QM02_film_chunk_order", side="port",
         args=film("film_numpy.py", "02_film_chunk_port.py"),
         mechanism="pair: the port unpacks the FiLM generator's output as beta, gamma = film(c).chunk(2, dim=-1) "
                   "while the NumPy program takes the first 8 outputs as gamma and the last 8 as beta: the scale and "
                   "the shift are swapped, each generator half trained for the other's role, so the forward output "
                   "and every gradient differ",
         expected=("film", "gamma", "beta", "swapped", "swap", "order", "chunk", "unpack", "scale and shift",
                   "shift", "first half", "second half", "concatenat", "generator", "reversed")),
    dict(id="QM03_hyper_weight_layout", side="port",
         args=hyper("hyper_numpy.py", "03_hyper_view_port.py"),
         mechanism="pair: the port reshapes the hypernetwork's 12 outputs as .view(-1, 3, 4).transpose(1, 2), "
                   "reading them in nn.Linear's (out, in) layout, while the NumPy program reads them row-major as "
                   "(in, out), W[i, o] = w[i * 3 + o]: every generated weight lands at another (input, output) "
                   "position, so the per-sample matrices, the logits and the gradients back into the hypernetwork "
                   "differ",
         expected=("reshape", "view", "layout", "transpose", "(out, in)", "(in, out)", "row-major", "order",
                   "generated weight", "hypernetwork", "per-sample weight", "flatten", "permut", "index",
                   "scrambled")),
    dict(id="QM04_hyper_einsum_batch_index", side="port",
         args=hyper("hyper_numpy.py", "04_hyper_einsum_port.py"),
         mechanism="pair: the port's per-sample product is written torch.einsum('ni,mio->no', x, W), a separate "
                   "letter for the weights' batch axis, so einsum sums over it: every row is multiplied by the sum "
                   "of all rows' generated matrices instead of its own, and each sample's weight gradient is the "
                   "whole batch's",
         expected=("einsum", "subscript", "index", "batch index", "batch axis", "summed over the batch",
                   "sum over samples", "per-sample", "own weights", "shared", "mixes samples", "cross-sample",
                   "'ni,nio->no'", "bmm", "hypernetwork")),
    dict(id="QM05_lora_scaling_alpha", side="port",
         args=lora("lora_numpy.py", "05_lora_scaling_port.py"),
         mechanism="pair: the port scales the low-rank update by alpha instead of alpha / r (4 instead of 2): the "
                   "adapter's contribution A @ B to the effective weight is doubled, so the hidden layer, the loss "
                   "and the gradients of A and B (each carrying the scale) differ",
         expected=("lora", "scaling", "scale", "alpha", "alpha / r", "rank", "divided by r", "/ r", "factor 2",
                   "twice", "doubled", "low-rank", "adapter", "a @ b", "lora_a", "lora_b")),
    dict(id="QM06_lora_bias_not_frozen", side="port",
         args=lora("lora_numpy.py", "06_lora_freeze_port.py"),
         mechanism="pair: the port freezes only the base layer's weight, self.base.weight.requires_grad_(False), "
                   "instead of the whole base layer: the base bias b0 keeps requires_grad and the optimizer built "
                   "over the parameters that require grad trains it, while the NumPy program keeps W0 and b0 frozen; "
                   "b0 moves in the port and stays in NumPy",
         expected=("frozen", "freeze", "requires_grad", "requires_grad_(false)", "bias", "base bias", "b0",
                   "trained", "not frozen", "should not", "update", "base layer", "no update", "optimizer",
                   "parameter group")),
    dict(id="QM07_wn_norm_dim", side="port",
         args=wn("wn_numpy.py", "07_wn_norm_port.py"),
         mechanism="pair: the port's hand-written weight normalisation divides v (out, in) by v.norm(dim=0), one norm "
                   "per input column, instead of dim=1, one per output unit (per row, as the NumPy program's column "
                   "norms of its (in, out) V1): every hidden weight is scaled by the wrong norm, so the forward pass, "
                   "the loss and the gradients of g and v differ",
         expected=("weight norm", "weight normalization", "weight normalisation", "norm", "dim=0", "dim=1",
                   "axis", "wrong axis", "per output", "per row", "per input", "column", "||v||", "g * v",
                   "normalize", "normalise")),
    dict(id="QM08_filter_flipped_kernel", side="port",
         args=dynamic_filter("filter_numpy.py", "08_filter_flip_port.py"),
         mechanism="pair: the port flips each generated kernel, k.flip(-1), before the grouped F.conv1d, as if "
                   "conv1d were a true convolution, while both conv1d and the NumPy program compute a "
                   "cross-correlation, f[t] = sum_j k[j] x[t + j]: the taps are applied in reverse order, so the "
                   "filtered signal, the loss and the generator's gradients differ",
         expected=("flip", "flipped", "reversed", "kernel", "filter", "convolution", "cross-correlation",
                   "correlation", "conv1d", "tap order", "taps", "mirror", "dynamic filter", "per-sample filter")),
]


CASES += [
    # ------------------------------------------------------------------ NumPy programs
    dict(id="QM09_film_dgamma_modulated", side="numpy",
         args=film("09_film_dgamma_numpy.py", "film_torch.py"),
         mechanism="pair: the gradient of the FiLM scale multiplies the upstream gradient by the modulated features, "
                   "d_gamma = d_hf * hf, instead of the unmodulated relu output h (hf = gamma * h + beta): the "
                   "generator's scale half gets a wrong gradient (forward and the other gradients are right)",
         expected=("film", "gamma", "d_gamma", "wrong variable", "modulated", "unmodulated", "hf", "pre-film",
                   "post-film", "input to the film", "scale gradient", "generator", "backward", "derivative",
                   "wf", "bf")),
    dict(id="QM10_film_dh_missing_gamma", side="numpy",
         args=film("10_film_dh_numpy.py", "film_torch.py"),
         mechanism="pair: the backward pass through the FiLM layer passes the gradient to the hidden units unchanged, "
                   "d_h = d_hf, dropping the factor gamma of hf = gamma * h + beta: the first layer's gradients (W1, "
                   "b1) are not scaled by the per-sample, per-feature gamma, while the head and generator gradients "
                   "are right",
         expected=("film", "gamma", "chain rule", "missing factor", "factor", "multiply by gamma", "d_h",
                   "backward", "first layer", "w1", "b1", "scale", "not scaled", "missing term", "derivative")),
    dict(id="QM11_hyper_backward_flatten", side="numpy",
         args=hyper("11_hyper_flatten_numpy.py", "hyper_torch.py"),
         mechanism="pair: the per-sample weight gradient dW (n, 4, 3) is flattened as dW.transpose(0, 2, 1).reshape, "
                   "in (out, in) order, while the forward pass reshaped the hypernetwork's outputs row-major (in, out): "
                   "each generated weight's gradient is sent to another output of the hypernetwork, so H2 and c2 (and "
                   "through them H1 and c1) get scrambled gradients; the forward pass is right",
         expected=("reshape", "flatten", "transpose", "layout", "order", "backward", "forward", "mismatch",
                   "generated weight", "hypernetwork", "permut", "scrambled", "h2", "c2", "row-major")),
    dict(id="QM12_hyper_bias_mean", side="numpy",
         args=hyper("12_hyper_bias_mean_numpy.py", "hyper_torch.py"),
         mechanism="pair: the gradient of the hypernetwork's output bias c2 is reduced over the batch with a mean, "
                   "dw.mean(axis=0), instead of a sum, while d_logits already carries the 1 / n of the mean loss: "
                   "c2's gradient is n = 24 times too small (divided by n twice), the other gradients right",
         expected=("mean", "sum", "reduction", "bias", "c2", "divided by n", "twice", "1 / n", "batch size",
                   "too small", "factor", "24", "hypernetwork", "double averaging", "averaged twice")),
    dict(id="QM13_lora_dB_scale", side="numpy",
         args=lora("13_lora_dB_numpy.py", "lora_torch.py"),
         mechanism="pair: the hand-written gradient of the LoRA factor B leaves out the alpha / r scaling, "
                   "A^T dW instead of (alpha / r) A^T dW, while A's gradient keeps it: B's gradient is half its true "
                   "value (alpha / r = 2), the forward pass and the other gradients right",
         expected=("lora", "scaling", "scale", "alpha", "alpha / r", "missing", "factor 2", "half", "gradient of b",
                   "lora_b", "b.grad", "low-rank", "adapter", "chain rule", "constant factor")),
    dict(id="QM14_lora_frozen_alias", side="numpy",
         args=lora("14_lora_alias_numpy.py", "lora_torch.py"),
         mechanism="pair: the effective weight is built as W = p['W0'] followed by W += (alpha / r) A @ B, without "
                   ".copy(): W aliases the frozen base weight, so the in-place add writes the adapter into W0 every "
                   "step; W0 drifts by (alpha / r) A @ B per step although it is never updated by SGD, and from step "
                   "2 the effective weight counts the adapter more than once",
         expected=("alias", "aliasing", "in-place", "in place", "copy", ".copy()", "view", "frozen", "w0",
                   "base weight", "modified", "drift", "accumulat", "+=", "shared memory", "mutat")),
    dict(id="QM15_wn_missing_projection", side="numpy",
         args=wn("15_wn_projection_numpy.py", "wn_torch.py"),
         mechanism="pair: the gradient of the weight-normalised direction v is written g / ||v|| * dW, leaving out "
                   "the projection term - v_hat (v_hat . dW) that removes the component along v: v's gradient keeps "
                   "a radial part (the forward pass and g's gradient are right)",
         expected=("weight norm", "weight normalization", "weight normalisation", "projection", "project",
                   "orthogonal", "radial", "component along v", "v_hat", "missing term", "||v||", "norm",
                   "gradient of v", "v1", "derivative")),
    dict(id="QM16_filter_softmax_axis", side="numpy",
         args=dynamic_filter("16_filter_softmax_numpy.py", "filter_torch.py"),
         mechanism="pair: the backward pass of the softmax over each generated kernel's taps subtracts "
                   "(k * d_k).sum(axis=0), a sum over the batch for each tap, instead of axis=1, over the taps of each "
                   "row: the softmax Jacobian is wrong, so the generator's gradients (Wk, bk) differ while the forward "
                   "pass and the head's gradients are right",
         expected=("softmax", "axis", "axis=0", "axis=1", "wrong axis", "sum over", "batch", "taps", "jacobian",
                   "softmax backward", "softmax derivative", "kernel", "filter", "generator", "wk", "bk")),
]


CASES += [
    # ------------------------------------------------------------------ correct programs
    dict(id="QMC1_wn_library_parametrization", side="correct",
         args=pair("wn_numpy.py", "WNNet", "wn_param_torch.py", "WNNet", "--data", WN, *WN_LIB_PARAMS),
         mechanism="pair: weight normalisation through nn.utils.parametrizations.weight_norm (original0 g (8, 1) "
                   "paired with the NumPy (1, 8) gain transposed, original1 v), the output unit as a raw weight row "
                   "used with torch.addmm, the BCE written as softplus(z) - y z, zero_grad(set_to_none=True); NumPy: "
                   "column norms and the projection backward", expected=()),
    dict(id="QMC2_hypernet_einsum_bmm", side="correct",
         args=pair("hyper_flat_numpy.py", "HyperNetFlat", "hyper_bmm_torch.py", "HyperNetFlat", "--data", HYPER),
         mechanism="pair: per-sample hypernetwork; NumPy: layers as attributes, batched np.matmul on (n, 1, 4) rows, "
                   "every gradient by np.einsum, log-sum-exp softmax, in-place np.subtract(out=) updates; port: raw "
                   "(in, out) Parameters with torch.addmm, torch.bmm, F.nll_loss on F.log_softmax; pairing by name "
                   "and shape", expected=()),
    dict(id="QMC3_expanded_bmm_port", side="correct",
         args=port("correct_bmm_port.py", "Net", *OPT, "--data", "random:32,3", "--lr", "0.5"),
         mechanism="port: the plain two-layer sigmoid network written with per-sample weights, each shared nn.Linear "
                   "weight expanded to (n, in, out) and applied with torch.baddbmm with an expanded bias, summed "
                   "squared error, zero_grad(set_to_none=True); the kit's NumPy network", expected=()),
]
