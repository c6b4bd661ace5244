"""One hundred and seventy-ninth fresh held-out set for the diagnosis: one planted bug per
program in fresh179/, 8 PyTorch ports (checked against the correct NumPy program) and 8 NumPy
programs (checked against the correct port), and 3 correct variants. The theme is click-through
prediction over categorical fields written by hand: embedding tables indexed by category ids
given as data, a linear (wide) part, factorization-machine pairwise interactions or an MLP on
the concatenated embeddings, a sigmoid output with binary cross-entropy, Adagrad or Adam.

The base programs (data from fresh179/make_data.py, fixed seed, nothing random while training;
every category occurs in the batch, so every embedding row gets a gradient):

    fm_numpy.py:FactorizationMachine / fm_torch.py:FM, fm.npz X int64 (32, 4) raw category ids
        of 4 fields (cardinalities 6, 10, 8, 4), y float (32,) in {0, 1}
        one shared feature space of 28 ids (field offsets 0, 6, 16, 24 added to the raw ids);
        logit = w0 + sum_f w[i_f] + 1/2 sum_k ((sum_f V[i_f,k])^2 - sum_f V[i_f,k]^2), k = 6;
        BCE with logits, mean over the batch. NumPy: w0 (1,), w (28,) flat, V (28, 6) as
        attributes, scatter by np.add.at; torch: nn.Parameter bias, nn.Embedding(28, 1) (the
        linear weights, reshape to 28), nn.Embedding(28, 6).
        Adagrad lr 0.05, eps 1e-10, weight decay 1e-3 added to the gradient before the
        accumulator, as torch.optim.Adagrad (initial accumulator 0).
    wd_numpy.py:WideDeep / wd_torch.py:WideDeep, wd.npz X int64 (32, 3) raw category ids of
        3 fields (cardinalities 7, 9, 5), y float (32,) in {0, 1}
        wide: one weight per offset id (21,) + bias; deep: one embedding table per field
        (dim 4), concatenated (12) -> dense 16 ReLU -> dense 16 ReLU -> dense 1; logit = wide +
        deep; sigmoid, BCE (mean). NumPy: params dict, dense weights (in, out); torch:
        nn.ModuleList of nn.Embedding, nn.Sequential, forward returns sigmoid, nn.BCELoss.
        Adam lr 0.01, betas (0.9, 0.999), eps 1e-8, bias-corrected, as torch.optim.Adam.

Same format as cases.py; run with

    python3 scripts/diagnosis_held_out.py --cases fresh179_cases

Each case:
    id          short name (prefixed UW)
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

F = "scripts/diagnosis_sets/fresh179/"
RUN = ["--steps", "20", "--dtype", "float32", "--device", "cpu"]


def fm(numpy="fm_numpy.py", port="fm_torch.py"):
    return [F + numpy + ":FactorizationMachine", "--torch", F + port + ":FM",
            "--data", F + "fm.npz", "--as-written",
            "--param", "w0=bias",
            "--param", "w=linear.weight.reshape(28)",
            "--param", "V=factors.weight", *RUN]


def fm_pairs():
    return [F + "fm_pairs_numpy.py:PairwiseFM", "--torch", F + "fm_torch.py:FM",
            "--data", F + "fm.npz", "--as-written",
            "--param", "params['bias']=bias",
            "--param", "params['lin']=linear.weight.reshape(28)",
            "--param", "params['emb']=factors.weight", *RUN]


def wd(numpy="wd_numpy.py", port="wd_torch.py"):
    return [F + numpy + ":WideDeep", "--torch", F + port + ":WideDeep",
            "--data", F + "wd.npz", "--as-written",
            "--param", "params['wide_w']=wide.weight.reshape(21)",
            "--param", "params['wide_b']=wide_bias",
            "--param", "params['E0']=embeddings.0.weight",
            "--param", "params['E1']=embeddings.1.weight",
            "--param", "params['E2']=embeddings.2.weight",
            "--param", "params['W1']=deep.0.weight.T",
            "--param", "params['b1']=deep.0.bias",
            "--param", "params['W2']=deep.2.weight.T",
            "--param", "params['b2']=deep.2.bias",
            "--param", "params['W3']=deep.4.weight.T",
            "--param", "params['b3']=deep.4.bias", *RUN]


def wd_hand_port():
    return [F + "wd_numpy.py:WideDeep", "--torch", F + "wd_params_torch.py:WideDeepParams",
            "--data", F + "wd.npz", "--as-written",
            "--param", "params['wide_w']=wide_w",
            "--param", "params['wide_b']=wide_b",
            "--param", "params['E0']=tables.0",
            "--param", "params['E1']=tables.1",
            "--param", "params['E2']=tables.2",
            "--param", "params['W1']=weights.0",
            "--param", "params['b1']=biases.0",
            "--param", "params['W2']=weights.1",
            "--param", "params['b2']=biases.1",
            "--param", "params['W3']=weights.2",
            "--param", "params['b3']=biases.2", *RUN]


def wd_layers():
    return [F + "wd_layers_numpy.py:WideDeepLayers", "--torch", F + "wd_torch.py:WideDeep",
            "--data", F + "wd.npz", "--as-written",
            "--param", "wide=wide.weight.reshape(21)",
            "--param", "wide_bias=wide_bias",
            "--param", "emb[0]=embeddings.0.weight",
            "--param", "emb[1]=embeddings.1.weight",
            "--param", "emb[2]=embeddings.2.weight",
            "--param", "layers[0].W=deep.0.weight",
            "--param", "layers[0].b=deep.0.bias",
            "--param", "layers[1].W=deep.2.weight",
            "--param", "layers[1].b=deep.2.bias",
            "--param", "layers[2].W=deep.4.weight",
            "--param", "layers[2].b=deep.4.bias", *RUN]


CASES = [
    # ---------------------------------------------------------------- PyTorch ports with one bug
    {"id": "UW01", "side": "port", "args": fm(port="01_nooffsets_port.py"),
     "mechanism": "field offsets never added: the raw per-field category ids index the shared "
                  "28-row tables, so fields collide on the low rows and rows 10-27 are never used",
     "expected": ("offset", "index", "indices", "field", "embedding")},
    {"id": "UW02", "side": "port", "args": fm(port="02_interaxis_port.py"),
     "mechanism": "FM interaction sums over dim=2 (the factor axis) instead of dim=1 (the field "
                  "axis) in both the square-of-sum and the sum-of-squares terms",
     "expected": ("dim", "axis", "interaction", "factor", "field")},
    {"id": "UW03", "side": "port", "args": fm(port="03_initaccum_port.py"),
     "mechanism": "torch.optim.Adagrad(initial_accumulator_value=0.1), the TensorFlow default, "
                  "where the NumPy accumulator starts at 0",
     "expected": ("accumulator", "initial", "adagrad", "0.1")},
    {"id": "UW04", "side": "port", "args": fm(port="04_sumreduce_port.py"),
     "mechanism": "binary_cross_entropy_with_logits(reduction='sum') where the NumPy loss is the "
                  "mean over the batch: loss and gradients 32 times larger",
     "expected": ("sum", "mean", "reduction", "batch", "32")},
    {"id": "UW05", "side": "port", "args": wd(port="05_finalrelu_port.py"),
     "mechanism": "nn.Sequential ends in an extra nn.ReLU() after the last Linear: the deep "
                  "logit is clipped at zero",
     "expected": ("relu", "activation", "output", "last layer", "clip")},
    {"id": "UW06", "side": "port", "args": wd(port="06_paddingidx_port.py"),
     "mechanism": "nn.Embedding(..., padding_idx=0) on the deep field tables: category 0 of "
                  "each field is treated as padding and its row gets no gradient",
     "expected": ("padding", "padding_idx", "row", "embedding", "frozen")},
    {"id": "UW07", "side": "port", "args": wd(port="07_nozerograd_port.py"),
     "mechanism": "optimizer.zero_grad() left out of train_step: gradients accumulate across "
                  "steps",
     "expected": ("zero_grad", "accumulat", "previous step", "not reset")},
    {"id": "UW08", "side": "port", "args": wd(port="08_sigmoidtwice_port.py"),
     "mechanism": "nn.BCEWithLogitsLoss applied to the model's sigmoid output: sigmoid taken "
                  "twice",
     "expected": ("sigmoid", "twice", "double", "logits", "probabilit")},
    # ---------------------------------------------------------------- NumPy programs with one bug
    {"id": "UW09", "side": "numpy", "args": fm(numpy="09_dvterm_numpy.py"),
     "mechanism": "FM factor gradient taken as dz * sum_g V[i_g] (the square-of-sum part only): "
                  "the - V[i_f] term from the sum of squares is left out",
     "expected": ("interaction", "factor", "sum of squares", "term", "v")},
    {"id": "UW10", "side": "numpy", "args": fm(numpy="10_fancyadd_numpy.py"),
     "mechanism": "factor gradient scattered with gV[idx] += dv instead of np.add.at: rows "
                  "repeated in the batch keep only one contribution",
     "expected": ("add.at", "scatter", "repeated", "duplicate", "index")},
    {"id": "UW11", "side": "numpy", "args": fm(numpy="11_accumdecay_numpy.py"),
     "mechanism": "Adagrad accumulator sums the raw gradient squared; the weight-decay term is "
                  "added to the gradient only for the step, not in the accumulator",
     "expected": ("weight decay", "accumulator", "adagrad", "sum", "decay")},
    {"id": "UW12", "side": "numpy", "args": fm(numpy="12_biasmean_numpy.py"),
     "mechanism": "global bias gradient taken as the mean of dz, which is already divided by "
                  "the batch size: w0's gradient 32 times too small",
     "expected": ("bias", "mean", "sum", "batch", "w0")},
    {"id": "UW13", "side": "numpy", "args": wd(numpy="13_w2transpose_numpy.py"),
     "mechanism": "backward through the square second dense layer uses da2 @ W2 instead of "
                  "da2 @ W2.T",
     "expected": ("transpose", "w2", "backward", ".t")},
    {"id": "UW14", "side": "numpy", "args": wd(numpy="14_epsinsqrt_numpy.py"),
     "mechanism": "Adam epsilon inside the square root: sqrt(v_hat + eps) instead of "
                  "sqrt(v_hat) + eps",
     "expected": ("eps", "epsilon", "sqrt", "square root")},
    {"id": "UW15", "side": "numpy", "args": wd(numpy="15_sigmoidderiv_numpy.py"),
     "mechanism": "logit gradient (p - y) multiplied again by the sigmoid derivative p (1 - p): "
                  "the BCE-through-sigmoid simplification applied and the derivative kept",
     "expected": ("sigmoid", "derivative", "p (1 - p)", "logit", "bce")},
    {"id": "UW16", "side": "numpy", "args": wd(numpy="16_stepcount_numpy.py"),
     "mechanism": "Adam step count starts at 1 and is incremented before use: the bias "
                  "corrections use t + 1 (off by one)",
     "expected": ("bias correction", "step count", "off by one", "t + 1", "bias-correct")},
    # ---------------------------------------------------------------- correct variants
    {"id": "UW17", "side": "correct", "args": fm_pairs(),
     "mechanism": "correct: FM with explicit pairwise field products (einsum), gradient "
                  "sum over the other fields, logaddexp loss, tanh-form sigmoid, params dict",
     "expected": ()},
    {"id": "UW18", "side": "correct", "args": wd_hand_port(),
     "mechanism": "correct: hand-written port with raw nn.Parameters (weights (in, out)), "
                  "F.embedding, BCE from log-sigmoids of the logit",
     "expected": ()},
    {"id": "UW19", "side": "correct", "args": wd_layers(),
     "mechanism": "correct: NumPy list of dense layers, weights (out, in), einsum, BCE in logit "
                  "form, Adam with the bias corrections folded into lr and eps, in place",
     "expected": ()},
]
